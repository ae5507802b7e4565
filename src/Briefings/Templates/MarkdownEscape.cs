using System.Text;

namespace Briefings.Templates;

/// <summary>Markdown the template vouches for: written out as is. Only the <c>raw</c> helper and trusted helpers make it.</summary>
internal sealed record RawMarkdown(string Markdown)
{
    public override string ToString() => Markdown;
}

/// <summary>
/// Trusted Markdown that is told when a template prints it. Footnote marks use it, so that only sources
/// actually cited in the output get a footnote.
/// </summary>
internal sealed class TrackedMarkdown(string markdown, Action onWritten)
{
    public string Markdown { get; } = markdown;

    internal void Written() => onWritten();

    public override string ToString() => Markdown;
}

/// <summary>
/// Turns record text into Markdown that reads back as exactly that text, wherever a template puts it:
/// in a paragraph, a heading, a list item, a table cell, a link's text or a footnote.
/// </summary>
internal static class MarkdownEscape
{
    // Characters that open structure anywhere in a line: emphasis, links, footnotes, code, HTML,
    // entities, table cells, attributes, a heading's closing hashes ("Item #"), and the backslash itself.
    private const string AlwaysEscaped = "\\`*_[]<>|{}~^&#";

    // Characters that open structure only at the start of a block: lists, quotes, setext underlines,
    // containers and definitions.
    private const string EscapedAtStart = "-+>=:";

    // A run of two or more colons anywhere in a line opens an inline container ("a ::x:: b") or, at the
    // start of a line, a block container (":::"): every colon of such a run is escaped.
    private static bool IsColonRun(string text, int index) =>
        text[index] == ':' && ((index > 0 && text[index - 1] == ':') || (index + 1 < text.Length && text[index + 1] == ':'));

    public static string Inline(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var collapsed = CollapseWhitespace(text);
        var escaped = new StringBuilder(collapsed.Length + 8);
        for (var i = 0; i < collapsed.Length; i++)
        {
            var c = collapsed[i];
            if (AlwaysEscaped.Contains(c) || (i == 0 && EscapedAtStart.Contains(c)) || IsColonRun(collapsed, i) || IsOrderedListMarker(collapsed, i))
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>"1." or "2)" at the very start would open a numbered list.</summary>
    private static bool IsOrderedListMarker(string text, int index)
    {
        if (text[index] is not ('.' or ')') || index == 0 || index > 9)
            return false;
        for (var i = 0; i < index; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
                return false;
        }
        return true;
    }

    /// <summary>
    /// Line breaks and runs of spaces become one space: record text cannot end a line, so it cannot start a block.
    /// Bidirectional-text controls (overrides, embeddings, isolates, marks) are dropped: one left open would
    /// reorder everything after the value on its line, in the PDF and in Word (where it reached the page header).
    /// </summary>
    private static string CollapseWhitespace(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (Records.TextChecks.IsBidiControl(c))
                continue;
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }
            if (pendingSpace)
                result.Append(' ');
            pendingSpace = false;
            result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>A double-quoted YAML scalar (valid JSON string syntax), for front matter values.</summary>
    public static string YamlString(string? text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in CollapseWhitespace(text ?? ""))
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                default: quoted.Append(c); break;
            }
        }
        return quoted.Append('"').ToString();
    }

    /// <summary>A link destination in angle brackets, or null when the URL is not plain http(s).</summary>
    public static string? LinkDestination(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
            return null;
        var encoded = new StringBuilder("<");
        foreach (var c in uri.AbsoluteUri)
        {
            if (c is '<' or '>' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c))
                encoded.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else
                encoded.Append(c);
        }
        return encoded.Append('>').ToString();
    }
}
