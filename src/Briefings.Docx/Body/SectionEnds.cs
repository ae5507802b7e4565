using Briefings.Documents;
using Briefings.Docx.Styles;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx.Body;

/// <summary>
/// The PDF's rule for the end of a section, as far as Word can state it: a section's last lines are never carried
/// to a new page as fewer than three lines. Word's widow control keeps two lines of a paragraph together, and no
/// setting asks for three across paragraphs, so when a section ends in text estimated at fewer than three lines,
/// the paragraphs before it keep with the next until three lines are chained: Word then carries at least two
/// lines of the paragraph before (widow control), or the whole of it when it is no taller than a third of a
/// page (keep lines together), as the PDF does. Headings already keep with their next paragraph (their style), and
/// a paragraph that introduces a list (ending in a colon) keeps with the list's first item.
/// Line counts are estimates from the body font's glyph advances (Word's own line breaks are not known here).
/// </summary>
internal static class SectionEnds
{
    /// <summary>Fewer lines than this at the end of a section are not carried to a new page alone.</summary>
    public const int TrailingLines = 3;

    /// <summary>For fonts that are not bundled: an average character width, as a fraction of the size.</summary>
    private const double AverageCharWidth = 0.5;

    /// <summary>Room lost at line ends to whole words wrapping, as a fraction of the line.</summary>
    private const double WrapLoss = 0.06;

    /// <summary>
    /// How many lines the paragraph's visible text (not field codes) takes at the width, in the theme's body font
    /// at the size: broken between words at its glyph advances when the font is bundled (as the contents' page
    /// estimate counts them), from an average character width otherwise.
    /// </summary>
    internal static double Lines(W.Paragraph paragraph, Theme theme, double size, double widthPoints)
    {
        var text = VisibleText(paragraph);
        return TextMeasure.Lines(text, theme.Fonts.Body, bold: false, size, widthPoints)
               ?? Math.Max(1, Math.Ceiling(text.Length * size * AverageCharWidth / (Math.Max(widthPoints, size) * (1 - WrapLoss))));
    }

    /// <summary>Whether a paragraph's text, before a list, introduces it ("Xi Jinping:"): it then keeps with the first item.</summary>
    internal static bool IntroducesList(string text) => text.TrimEnd().EndsWith(':');

    /// <summary>Adds the keeps to the body's top-level paragraphs (in place).</summary>
    public static void Keep(IReadOnlyList<OpenXmlElement> body, Theme theme, int textWidth)
    {
        var fonts = theme.Fonts;
        var page = theme.Page;
        var thirdOfPage = (page.Height - page.MarginTop - page.MarginBottom) / 3;
        double Lines(W.Paragraph paragraph)
        {
            var indent = paragraph.ParagraphProperties?.NumberingProperties is null ? 0 : Numbering.ListNumbering.TextIndent(0);
            return SectionEnds.Lines(paragraph, theme, fonts.BodySize, (textWidth - indent) / 20.0);
        }

        // A paragraph that introduces a list ("Xi Jinping:") keeps with its first item, as a heading keeps with its text.
        for (var i = 0; i + 1 < body.Count; i++)
            if (body[i] is W.Paragraph lead && IsBodyText(lead) && lead.ParagraphProperties?.NumberingProperties is null
                && IntroducesList(VisibleText(lead)) && body[i + 1] is W.Paragraph { ParagraphProperties.NumberingProperties: not null })
                (lead.ParagraphProperties ?? lead.PrependChild(new W.ParagraphProperties())).KeepNext = new W.KeepNext();

        for (var end = 0; end < body.Count; end++)
        {
            if (body[end] is not W.Paragraph last || !IsBodyText(last) || !EndsSection(body, end))
                continue;
            var lines = Lines(last);
            for (var i = end - 1; lines < TrailingLines && i >= 0 && body[i] is W.Paragraph before && IsBodyText(before); i--)
            {
                var properties = before.ParagraphProperties ?? before.PrependChild(new W.ParagraphProperties());
                properties.KeepNext = new W.KeepNext();
                var beforeLines = Lines(before);
                if (beforeLines * fonts.BodySize * fonts.LineHeight <= thirdOfPage)
                {
                    // Short enough to go over whole, as the PDF moves it.
                    properties.KeepLines = new W.KeepLines();
                    lines += beforeLines;
                }
                else
                {
                    // Widow control carries at least two of its lines.
                    lines += Math.Min(beforeLines, 2);
                }
            }
        }
    }

    private static string VisibleText(W.Paragraph paragraph) => string.Concat(paragraph.Descendants<W.Text>().Select(t => t.Text));

    /// <summary>Running text: a plain paragraph or a list item with text (not a heading, call-out, quote, contents entry or spacer).</summary>
    private static bool IsBodyText(W.Paragraph paragraph)
    {
        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? StyleIds.Normal;
        return style is StyleIds.Normal or StyleIds.ListBullet or StyleIds.ListNumber or StyleIds.ListParagraph
               && paragraph.ParagraphProperties?.PageBreakBefore is null
               && !string.IsNullOrWhiteSpace(paragraph.InnerText);
    }

    /// <summary>True when the paragraph at <paramref name="index"/> is the last before a heading, a page break or the end.</summary>
    private static bool EndsSection(IReadOnlyList<OpenXmlElement> body, int index)
    {
        if (index + 1 >= body.Count)
            return true;
        if (body[index + 1] is not W.Paragraph next)
            return false;
        var style = next.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        return style.StartsWith("Heading", StringComparison.Ordinal)
               || next.ParagraphProperties?.PageBreakBefore is not null
               || next.Descendants<W.Break>().Any(b => b.Type?.Value == W.BreakValues.Page);
    }
}
