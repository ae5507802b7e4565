namespace Briefings.Templates;

/// <summary>A template failed to parse or render; each diagnostic reads <c>templates/NAME:line:col: error TPLnnn: message</c>.</summary>
internal sealed class TemplateException(IReadOnlyList<Diagnostic> diagnostics) : Exception(string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>The diagnostics as printed.</summary>
    public IReadOnlyList<string> Problems => DiagnosticText.Lines(Diagnostics);
}

/// <summary>Codes of template problems (listed in docs/diagnostics.md).</summary>
public static class TemplateCodes
{
    /// <summary>The templates folder does not exist.</summary>
    public const string FolderNotFound = "TPL001";
    /// <summary>A template that is not in the folder, or a name that would leave it.</summary>
    public const string NotFound = "TPL002";
    /// <summary>A Scriban syntax error.</summary>
    public const string Syntax = "TPL003";
    /// <summary>An error while rendering: an unknown name, a failing function, a loop, recursion or output limit.</summary>
    public const string Runtime = "TPL004";
    /// <summary>Rendering took longer than the time limit.</summary>
    public const string Cancelled = "TPL005";
}
