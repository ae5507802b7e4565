using YamlDotNet.Core;

namespace Briefings.Records.Loading;

/// <summary>Collects diagnostics for one load; the file path is supplied by the caller.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public void Error(string path, Mark at, string code, string message) =>
        _items.Add(new Diagnostic(path, Line(at), Column(at), Severity.Error, code, message));

    public void Warning(string path, Mark at, string code, string message) =>
        _items.Add(new Diagnostic(path, Line(at), Column(at), Severity.Warning, code, message));

    /// <summary>A warning about a whole record, at the place the record starts.</summary>
    public void Warning(RecordOrigin at, string code, string message) =>
        _items.Add(new Diagnostic(at.Path, at.Line, at.Column, Severity.Warning, code, message));

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    /// <summary>In file order, errors before warnings at the same position.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Severity)
            .ToList();

    // YamlDotNet marks are 1-based already; an empty mark (0) still has to print as a real position.
    private static int Line(Mark mark) => (int)Math.Max(1, mark.Line);
    private static int Column(Mark mark) => (int)Math.Max(1, mark.Column);
}
