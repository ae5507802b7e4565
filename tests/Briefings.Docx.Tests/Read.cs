using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx.Tests;

/// <summary>Reads a rendered document back the way a reader meets it: paragraphs, their styles and visible text.</summary>
internal static class Read
{
    public static W.Body Body(WordprocessingDocument word) => word.MainDocumentPart!.Document!.Body!;

    /// <summary>Visible text: text runs, tabs and breaks, never field instructions; no-break spaces read as spaces.</summary>
    public static string Text(OpenXmlElement element) => string.Concat(element.Descendants().Select(e => e switch
    {
        W.Text t => t.Text.Replace('\u00A0', ' '),
        W.TabChar => "\t",
        W.Break { Type: null } => "\n",
        _ => "",
    }));

    public static string? Style(W.Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    public static W.Paragraph Paragraph(WordprocessingDocument word, string text) =>
        Body(word).Descendants<W.Paragraph>().Single(p => Text(p) == text);

    /// <summary>A paragraph directly in the body: not in a table, the contents or a call-out.</summary>
    public static W.Paragraph TopParagraph(WordprocessingDocument word, string text) =>
        Body(word).Elements<W.Paragraph>().Single(p => Text(p) == text);

    public static W.Style StyleById(WordprocessingDocument word, string id) =>
        word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<W.Style>().Single(s => s.StyleId == id);

    /// <summary>The body's paragraphs after the cover and outside the contents control, in order.</summary>
    public static List<W.Paragraph> ContentParagraphs(WordprocessingDocument word) =>
        Body(word).Descendants<W.Paragraph>()
            .Where(p => !p.Ancestors<W.SdtBlock>().Any())
            .SkipWhile(p => Style(p) != "Heading1" && Style(p) != "Heading2" && Style(p) != "Heading3")
            .ToList();
}
