using System.Text;
using System.Text.RegularExpressions;

namespace Briefings.Documents;

/// <summary>
/// Typography. <see cref="Apply"/> cleans a whole document tree once, so both writers print the same
/// text: curly quotation marks and apostrophes, en dashes in number ranges ("15–16 September"); code and
/// URLs are left exactly as written. <see cref="NoBreaks"/> is the line-breaking rule both writers apply
/// to the text they set: no-break spaces keep a date ("4 December 2023") and a number with its unit
/// ("40 km") on one line.
/// </summary>
public static partial class Typography
{
    /// <summary>A no-break space: lines never break there.</summary>
    public const char NoBreakSpace = '\u00A0';

    /// <summary>The same document with its text cleaned for print (curly quotation marks and apostrophes, en dashes in number ranges) in the title, subtitle, cover fields, body and footnotes; code and URLs are left as written.</summary>
    public static Document Apply(Document document) => document with
    {
        Metadata = document.Metadata with
        {
            Title = Fix(document.Metadata.Title),
            Subtitle = document.Metadata.Subtitle is { } subtitle ? Fix(subtitle) : null,
            CoverFields = document.Metadata.CoverFields.Select(f => new KeyValuePair<string, string>(Fix(f.Key), Fix(f.Value))).ToList(),
        },
        Blocks = Blocks(document.Blocks),
        Footnotes = document.Footnotes.Select(f => f with { Blocks = Blocks(f.Blocks) }).ToList(),
    };

    /// <summary>The same clean-up for one string (text that does not continue other text).</summary>
    public static string Fix(string text)
    {
        char previous = ' ';
        return Fix(text, ref previous);
    }

    private static IReadOnlyList<Block> Blocks(IReadOnlyList<Block> blocks) => blocks.Select(Block).ToList();

    private static Block Block(Block block) => block switch
    {
        Heading h => h with { Content = Inlines(h.Content) },
        Paragraph p => p with { Content = Inlines(p.Content) },
        ListBlock l => l with { Items = l.Items.Select(i => i with { Blocks = Blocks(i.Blocks) }).ToList() },
        Table t => t with
        {
            HeaderRows = t.HeaderRows.Select(Row).ToList(),
            BodyRows = t.BodyRows.Select(Row).ToList(),
        },
        Callout c => c with { Title = c.Title is { } title ? Fix(title) : null, Blocks = Blocks(c.Blocks) },
        Quote q => q with { Blocks = Blocks(q.Blocks), Attribution = q.Attribution is { } a ? Inlines(a) : null },
        DefinitionList d => d with { Items = d.Items.Select(i => i with { Term = Inlines(i.Term), Definition = Blocks(i.Definition) }).ToList() },
        TableOfContents toc => toc with { Title = Fix(toc.Title) },
        _ => block,
    };

    private static TableRow Row(TableRow row) => row with { Cells = row.Cells.Select(c => c with { Content = Inlines(c.Content) }).ToList() };

    /// <summary>One run of inline content: quotes are decided with the character before, across inlines.</summary>
    private static IReadOnlyList<Inline> Inlines(IReadOnlyList<Inline> inlines)
    {
        char previous = ' ';
        return Inlines(inlines, ref previous);
    }

    private static IReadOnlyList<Inline> Inlines(IReadOnlyList<Inline> inlines, ref char previous)
    {
        var result = new List<Inline>(inlines.Count);
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Text t:
                    var cleaned = Fix(t.Value, ref previous);
                    // Most text needs no change: keep the node rather than copy it.
                    result.Add(ReferenceEquals(cleaned, t.Value) ? t : new Text(cleaned));
                    break;
                case Emphasis e:
                    result.Add(new Emphasis(Inlines(e.Content, ref previous)));
                    break;
                case Strong s:
                    result.Add(new Strong(Inlines(s.Content, ref previous)));
                    break;
                case Link l when !l.IsInternal && l.Content.ToPlainText() == l.Target:
                    // A printed URL stays exactly as written.
                    result.Add(l);
                    previous = 'x';
                    break;
                case Link l:
                    result.Add(l with { Content = Inlines(l.Content, ref previous) });
                    break;
                case Code c:
                    result.Add(c);
                    previous = c.Value.Length > 0 ? c.Value[^1] : previous;
                    break;
                case FootnoteReference:
                    result.Add(inline);
                    previous = '1';
                    break;
                case LineBreak:
                    result.Add(inline);
                    previous = ' ';
                    break;
                default:
                    result.Add(inline);
                    break;
            }
        }
        return result;
    }

    private static string Fix(string text, ref char previous)
    {
        if (text.Length == 0)
            return text;
        // Most text holds no address at all: the address pattern (which tries every position) is only run where one
        // could start, so plain text costs a scan for a few characters. Same result either way.
        if (!MayHoldAddress(text))
        {
            var quoted = Quotes(text, ref previous);
            return quoted.Contains('-') ? RangePattern().Replace(quoted, "$1\u2013$2") : quoted;
        }
        var words = new StringBuilder(text.Length);
        // URLs and e-mail addresses inside text are left alone; everything else is cleaned word by word.
        int start = 0;
        foreach (Match url in UrlPattern().Matches(text))
        {
            words.Append(Quotes(text[start..url.Index], ref previous));
            words.Append(url.Value);
            previous = 'x';
            start = url.Index + url.Length;
        }
        words.Append(Quotes(text[start..], ref previous));
        var fixedText = words.ToString();
        if (UrlPattern().IsMatch(fixedText))
            return fixedText;
        return RangePattern().Replace(fixedText, "$1\u2013$2");
    }

    /// <summary>Whether <see cref="UrlPattern"/> could match: every match holds "://", "mailto:", "www." or "@".</summary>
    private static bool MayHoldAddress(string text) =>
        text.Contains('@') || text.Contains("://", StringComparison.Ordinal) || text.Contains("mailto:", StringComparison.Ordinal)
        || text.Contains("www.", StringComparison.Ordinal);

    /// <summary>
    /// The text with no-break spaces where a line must not break: inside a date ("4 December 2023",
    /// "Dec 2023") and between a number and its unit ("40 km", "3 per cent").
    /// </summary>
    public static string NoBreaks(string text)
    {
        if (text.Length < 3 || text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
            return text;
        text = DayMonthPattern().Replace(text, JoinGroups);
        text = MonthYearPattern().Replace(text, JoinGroups);
        return UnitPattern().Replace(text, JoinGroups);
    }

    /// <summary>
    /// The locale a writer gives text of a document language: English without a region is British English
    /// (the house style: its spelling and hyphenation), anything else as given.
    /// </summary>
    public static string Locale(string? language)
    {
        var tag = (language ?? "").Trim();
        return tag.Length == 0 || tag.Equals("en", StringComparison.OrdinalIgnoreCase) ? "en-GB" : tag;
    }

    /// <summary>A replacement pattern: the two groups joined by a no-break space.</summary>
    private const string JoinGroups = "$1\u00A0$2";

    private static string Quotes(string text, ref char previous)
    {
        if (text.IndexOf('"') < 0 && text.IndexOf('\'') < 0)
        {
            if (text.Length > 0)
                previous = text[^1];
            return text;
        }
        var result = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            bool opening = char.IsWhiteSpace(previous) || previous is '(' or '[' or '{' or '\u2014' or '\u2013' or '-' or '/' or '“' or '‘';
            result.Append(c switch
            {
                '"' => opening ? '“' : '”',
                '\'' => opening ? '‘' : '’',
                _ => c,
            });
            previous = c;
        }
        return result.ToString();
    }

    private const string Months = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";

    [GeneratedRegex(@"(?:https?://|mailto:|www\.)\S+|\S+@\S+\.\S+")]
    private static partial Regex UrlPattern();

    /// <summary>"15-16", "2022-2023", "pp. 4-7": a hyphen between two numbers, not inside an ISO date or a code.</summary>
    [GeneratedRegex(@"(?<![\d\-/.:])(\d{1,4})-(\d{1,4})(?![\d\-/.:])")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"\b(\d{1,2}) (" + Months + @")\b")]
    private static partial Regex DayMonthPattern();

    [GeneratedRegex(@"\b((?:" + Months + @")\.?) (\d{4})\b")]
    private static partial Regex MonthYearPattern();

    [GeneratedRegex(@"(\d) (km|m|cm|mm|kg|t|km²|ha|GW|MW|kW|kWh|bn|%|per cent|million|billion|trillion)(?![\p{L}\d])")]
    private static partial Regex UnitPattern();
}
