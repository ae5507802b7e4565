namespace Briefings.Markdown;

/// <summary>
/// The Markdown a template produced uses something the document tree cannot represent.
/// Every problem is listed, each a diagnostic at <c>source:line:col</c> of the rendered Markdown (MDnnn codes).
/// </summary>
internal sealed class MarkdownReadException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>The diagnostics as printed.</summary>
    public IReadOnlyList<string> Problems => DiagnosticText.Lines(Diagnostics);
}

/// <summary>Codes of problems reading the rendered Markdown (listed in docs/diagnostics.md).</summary>
public static class MarkdownCodes
{
    /// <summary>Missing or malformed YAML front matter: no title, an unknown key, a date that is not yyyy-MM-dd.</summary>
    public const string FrontMatter = "MD001";
    /// <summary>Markdown the document tree cannot hold: raw HTML, code blocks, images, merged cells, other block or inline kinds.</summary>
    public const string Unsupported = "MD002";
    /// <summary>A heading id used twice.</summary>
    public const string DuplicateId = "MD003";
    /// <summary>A footnote defined but never referenced.</summary>
    public const string UnusedFootnote = "MD004";
    /// <summary>An unknown or malformed marker (<c>[[...]]</c>) or container (<c>::: ...</c>).</summary>
    public const string BadMarker = "MD005";
    /// <summary>A table's <c>widths</c> attribute that does not match its columns.</summary>
    public const string TableWidths = "MD006";
    /// <summary>A link target that is not allowed (not http, https, mailto or #heading-id).</summary>
    public const string LinkTarget = "MD007";
    /// <summary>A <c>::: figure</c> the tree cannot hold: no alternative text, an unknown chart kind, a bad size or data value, an unknown country.</summary>
    public const string Figure = "MD008";
}
