namespace Briefings;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum Severity
{
    /// <summary>The input cannot be used: the record is left out, or the pack or file is not made.</summary>
    Error,
    /// <summary>The input is used, but something in it is probably wrong or was repaired.</summary>
    Warning,
}

/// <summary>
/// One problem found at any stage — records, theme, templates, Markdown, document checks, writers, packs —
/// printed like a compiler message: <c>path:line:col: error CODE: message</c>. Line and column are 1-based;
/// a problem that belongs to a file but no line in it has line 0 (<c>path: error CODE: message</c>), and one
/// that belongs to no file (an unknown meeting) has an empty path (<c>error CODE: message</c>).
/// The codes are listed in docs/diagnostics.md.
/// </summary>
public sealed record Diagnostic(string Path, int Line, int Column, Severity Severity, string Code, string Message)
{
    /// <summary>An error that belongs to no file (e.g. what was asked for does not exist).</summary>
    public static Diagnostic Error(string code, string message) => new("", 0, 0, Severity.Error, code, message);

    /// <summary>An error about a whole file or folder, no line in it.</summary>
    public static Diagnostic ErrorAt(string path, string code, string message) => new(path, 0, 0, Severity.Error, code, message);

    /// <summary>An error at a line and column of a file.</summary>
    public static Diagnostic ErrorAt(string path, int line, int column, string code, string message) =>
        new(path, line, column, Severity.Error, code, message);

    /// <summary>The same problem placed in <paramref name="path"/> when it has no file of its own.</summary>
    public Diagnostic InFile(string path) => Path.Length == 0 ? this with { Path = path } : this;

    /// <summary>The diagnostic as one line: <c>path:line:col: error CODE: message</c> (parts without a location left out).</summary>
    public override string ToString()
    {
        var where = Path.Length == 0 ? ""
            : Line <= 0 ? $"{Path}: "
            : Column <= 0 ? $"{Path}:{Line}: "
            : $"{Path}:{Line}:{Column}: ";
        return $"{where}{(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
    }
}

/// <summary>The lines of a list of diagnostics, as printed.</summary>
public static class DiagnosticText
{
    /// <summary>Each diagnostic formatted by <see cref="Diagnostic.ToString"/>, in order.</summary>
    public static IReadOnlyList<string> Lines(IEnumerable<Diagnostic> diagnostics) => [.. diagnostics.Select(d => d.ToString())];
}
