namespace Briefings.Packs;

/// <summary>
/// A pack could not be rendered or written: an unknown meeting or country (with the nearest matches), a theme,
/// template or Markdown problem (<c>templates/NAME:line:col: error TPLnnn: ...</c>), or a writer that cannot render
/// the content (<c>PACK.pdf: error PDFnnn: ...</c>). Every problem found is listed, each a <see cref="Diagnostic"/>.
/// </summary>
public sealed class PackException(IReadOnlyList<Diagnostic> diagnostics) : Exception(string.Join(Environment.NewLine, diagnostics))
{
    /// <summary>One error that belongs to no file (what was asked for does not exist).</summary>
    public PackException(string code, string message) : this([Diagnostic.Error(code, message)]) { }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>The diagnostics as printed (and as a batch's index.json lists them).</summary>
    public IReadOnlyList<string> Problems => DiagnosticText.Lines(Diagnostics);

    /// <summary>The files that were still written (the formats that did render, and the manifest).</summary>
    public IReadOnlyList<WrittenFile> Written { get; init; } = [];
}

/// <summary>Codes of problems with what a pack command asks for or where it writes (listed in docs/diagnostics.md).</summary>
public static class PackCodes
{
    /// <summary>No meeting has the id asked for (the message names the nearest).</summary>
    public const string UnknownMeeting = "PACK001";
    /// <summary>No country, or more than one, answers to the name asked for.</summary>
    public const string UnknownCountry = "PACK002";
    /// <summary>An internal meeting asked for in a public pack.</summary>
    public const string NotPublic = "PACK003";
    /// <summary>A digest period that ends before it starts.</summary>
    public const string BadPeriod = "PACK004";
    /// <summary>The output folder or a pack file cannot be created or written.</summary>
    public const string CannotWrite = "PACK005";
    /// <summary><c>init</c>: a file it would write exists already.</summary>
    public const string Exists = "PACK006";
    /// <summary><c>init</c>: the example records shipped with the program are missing.</summary>
    public const string NoExamples = "PACK007";
    /// <summary>A pack of a batch failed in an unexpected way (the message names the exception); the batch goes on.</summary>
    public const string Failed = "PACK008";
}
