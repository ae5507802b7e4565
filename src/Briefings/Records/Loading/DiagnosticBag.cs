using YamlDotNet.Core;

namespace Briefings.Records.Loading;

/// <summary>Collects diagnostics for one load; the file path is supplied by the caller.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>A quoted value longer than this is cut in messages: a diagnostic names a value, it does not repeat it.</summary>
    public const int MaxQuotedLength = 80;

    public void Error(string path, Mark at, string code, string message) =>
        Add(new Diagnostic(path, Line(at), Column(at), Severity.Error, code, message));

    public void Warning(string path, Mark at, string code, string message) =>
        Add(new Diagnostic(path, Line(at), Column(at), Severity.Warning, code, message));

    /// <summary>A warning about a whole record, at the place the record starts.</summary>
    public void Warning(RecordOrigin at, string code, string message) =>
        Add(new Diagnostic(at.Path, at.Line, at.Column, Severity.Warning, code, message));

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic with { Message = OneLine(Shorten(diagnostic.Message)) });

    /// <summary>A diagnostic is one line: line breaks and other control characters in quoted values are escaped.</summary>
    internal static string OneLine(string message)
    {
        if (!message.Any(char.IsControl)) return message;
        var result = new System.Text.StringBuilder(message.Length + 8);
        foreach (var c in message)
        {
            switch (c)
            {
                case '\n': result.Append("\\n"); break;
                case '\r': result.Append("\\r"); break;
                case '\t': result.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) result.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    else result.Append(c);
                    break;
            }
        }
        return result.ToString();
    }

    /// <summary>
    /// Cuts every quoted value ('...') longer than <see cref="MaxQuotedLength"/> to its start and its length,
    /// so a 1 MB value gives a one-line error; then caps the message as a whole.
    /// </summary>
    internal static string Shorten(string message)
    {
        if (message.Length <= MaxQuotedLength) return message;
        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < message.Length)
        {
            var open = message.IndexOf('\'', i);
            if (open < 0) break;
            // The closing quote is the last one before the next "' " / "'," / "'?" / "':" / end, so names like Xi'an stay whole.
            var close = ClosingQuote(message, open + 1);
            if (close < 0) break;
            result.Append(message, i, open + 1 - i);
            var length = close - open - 1;
            if (length > MaxQuotedLength)
                result.Append(message, open + 1, MaxQuotedLength / 2).Append("…' (").Append(length).Append(" characters)");
            else
                result.Append(message, open + 1, length).Append('\'');
            i = close + 1;
        }
        if (i < message.Length) result.Append(message, i, message.Length - i);
        return result.Length <= 16 * MaxQuotedLength ? result.ToString() : result.ToString(0, 16 * MaxQuotedLength) + "…";
    }

    private static int ClosingQuote(string message, int from)
    {
        var candidate = -1;
        for (var j = message.IndexOf('\'', from); j >= 0; j = message.IndexOf('\'', j + 1))
        {
            candidate = j;
            if (j + 1 == message.Length || message[j + 1] is ' ' or ',' or '?' or ':' or ')' or ';' or '.') return j;
        }
        return candidate;
    }

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
