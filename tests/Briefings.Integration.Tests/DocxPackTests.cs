using System.Text;
using System.Text.RegularExpressions;
using Briefings.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using UglyToad.PdfPig;
using Xunit;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Integration.Tests;

/// <summary>The Word output of every sample pack, checked against the validator, the PDF and the brief itself.</summary>
public partial class DocxPackTests
{
    public static IEnumerable<object[]> Packs() => SamplePacks.Names();
    public static IEnumerable<object[]> PacksWithPdf() => SamplePacks.NamesWithPdf();

    [Theory]
    [MemberData(nameof(Packs))]
    public void Docx_passes_the_Open_XML_validator(string pack)
    {
        using var word = Open(SamplePacks.Get(pack).Docx);
        var errors = new[] { FileFormatVersions.Office2007, FileFormatVersions.Office2019 }
            .SelectMany(version => new OpenXmlValidator(version).Validate(word)
                .Select(e => $"{version} {e.Part?.Uri} {e.Path?.XPath}: {e.Description}"))
            .ToList();
        Assert.True(errors.Count == 0, $"{pack}: {string.Join("\n", errors)}");
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Rendering_again_gives_identical_docx_bytes(string pack)
    {
        var rendered = SamplePacks.Get(pack);
        Assert.Equal(rendered.Docx, SamplePacks.Write(new Docx.DocxDocumentWriter(), rendered.Pack));
    }

    /// <summary>
    /// The brief's text, unit by unit (headings, paragraphs, list items, cells, call-out titles, quotes and
    /// attributions, terms), must be the Word body exactly and must appear in the PDF body in the same order.
    /// Page furniture, the cover, list markers, contents page numbers and note marks are set aside; whitespace
    /// is ignored because the two writers break lines differently, and so are hyphens in the PDF comparison
    /// (the PDF hyphenates words at line ends; Word hyphenates as it lays out).
    /// </summary>
    [Theory]
    [MemberData(nameof(PacksWithPdf))]
    public void Docx_and_pdf_carry_the_same_text_in_the_same_order(string pack)
    {
        var rendered = SamplePacks.Get(pack);
        var units = TextUnits(rendered.Pack.Document.Blocks).Select(Squeeze).Where(u => u.Length > 0).ToList();
        Assert.NotEmpty(units);

        using var word = Open(rendered.Docx);
        Assert.Equal(string.Concat(units), Squeeze(DocxBodyText(word, rendered.Pack.Theme)));

        var pdf = Squeeze(PdfBodyText(rendered.Pdf.Value, rendered.Pack.Theme)).Replace("-", "");
        var position = 0;
        foreach (var unit in units.Select(u => u.Replace("-", "")))
        {
            var found = pdf.IndexOf(unit, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"{pack}: the PDF lacks, or has out of order, \"{unit}\" (searched from \"{Excerpt(pdf, position)}\")");
            position = found + unit.Length;
        }
    }

    /// <summary>Every citation the brief's Markdown defines and cites reaches the Word footnotes.</summary>
    [Theory]
    [MemberData(nameof(Packs))]
    public void Every_citation_in_the_brief_s_Markdown_is_a_Word_footnote(string pack)
    {
        var rendered = SamplePacks.Get(pack);
        using var word = Open(rendered.Docx);
        var notes = word.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<W.Footnote>().Count(n => n.Type is null);
        Assert.Equal(Cited(rendered.Pack.Markdown).Count, notes);
    }

    /// <summary>The Word footnotes are the document's footnotes: same numbers, same text, each referenced once in order.</summary>
    [Theory]
    [MemberData(nameof(Packs))]
    public void Docx_footnotes_equal_the_brief_s_citations(string pack)
    {
        var rendered = SamplePacks.Get(pack);
        var document = rendered.Pack.Document;
        using var word = Open(rendered.Docx);
        var cited = Cited(rendered.Pack.Markdown);
        Assert.All(document.Footnotes, f => Assert.Contains(f.Label, cited));

        var notes = word.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<W.Footnote>().Where(n => n.Type is null).ToList();
        Assert.Equal(document.Footnotes.Select(f => (long)f.Number), notes.Select(n => n.Id!.Value));
        Assert.Equal(
            document.Footnotes.Select(f => Collapse(string.Join(" ", TextUnits(f.Blocks)))),
            notes.Select(n => Collapse(string.Join(" ", n.Elements<W.Paragraph>().Select(VisibleText)))));
        var references = word.MainDocumentPart.Document!.Body!.Descendants<W.FootnoteReference>().Select(r => r.Id!.Value).ToList();
        Assert.Equal(notes.Select(n => n.Id!.Value), references);
    }

    /// <summary>The distinct footnote labels the Markdown cites (definitions, "[^label]:", are not citations).</summary>
    private static HashSet<string> Cited(string markdown) =>
        CitationLabels().Matches(markdown).Select(m => m.Groups[1].Value).ToHashSet();

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    /// <summary>Text units in reading order, without note marks: what both writers must print.</summary>
    private static IEnumerable<string> TextUnits(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading heading: yield return Plain(heading.Content); break;
                case Paragraph paragraph: yield return Plain(paragraph.Content); break;
                case ListBlock list:
                    foreach (var unit in list.Items.SelectMany(i => TextUnits(i.Blocks))) yield return unit;
                    break;
                case Table table:
                    foreach (var cell in table.HeaderRows.Concat(table.BodyRows).SelectMany(r => r.Cells)) yield return Plain(cell.Content);
                    break;
                case Callout callout:
                    if (callout.Title is not null) yield return callout.Title;
                    foreach (var unit in TextUnits(callout.Blocks)) yield return unit;
                    break;
                case Quote quote:
                    foreach (var unit in TextUnits(quote.Blocks)) yield return unit;
                    if (quote.Attribution is { Count: > 0 }) yield return "— " + Plain(quote.Attribution);
                    break;
                case Figure { Caption.Length: > 0 } figure:
                    yield return figure.Caption;
                    break;
                case DefinitionList definitions:
                    foreach (var item in definitions.Items)
                    {
                        yield return Plain(item.Term);
                        foreach (var unit in TextUnits(item.Definition)) yield return unit;
                    }
                    break;
            }
        }
    }

    private static string Plain(IEnumerable<Inline> inlines) => inlines.Where(i => i is not FootnoteReference).ToPlainText();

    /// <summary>The Word body after the cover, outside the contents control, without note marks.</summary>
    private static string DocxBodyText(WordprocessingDocument word, Theme theme)
    {
        var elements = word.MainDocumentPart!.Document!.Body!.Elements().ToList();
        if (theme.Cover.Enabled)
        {
            var coverEnd = elements.FindIndex(e => e is W.Paragraph p && p.Descendants<W.Break>().Any(b => b.Type?.Value == W.BreakValues.Page));
            elements = elements.Skip(coverEnd + 1).ToList();
        }
        return string.Concat(elements.Where(e => e is not W.SdtBlock).SelectMany(e => e is W.Paragraph p ? [p] : e.Descendants<W.Paragraph>()).Select(VisibleText));
    }

    private static string VisibleText(W.Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var run in paragraph.Descendants<W.Run>())
        {
            if (run.RunProperties?.RunStyle?.Val?.Value is "FootnoteReference")
                continue;
            foreach (var element in run.Elements())
                text.Append(element switch { W.Text t => t.Text, W.TabChar or W.Break => " ", _ => "" });
        }
        return text.ToString();
    }

    /// <summary>
    /// PDF text inside the body area of each page after the cover, in drawing order. Letters no larger than the
    /// footnote size are footnotes or note marks; dot leaders with page numbers belong to the contents.
    /// </summary>
    private static string PdfBodyText(byte[] bytes, Theme theme)
    {
        using var pdf = PdfDocument.Open(bytes);
        var text = new StringBuilder();
        foreach (var page in pdf.GetPages().Skip(theme.Cover.Enabled ? 1 : 0))
        {
            var top = page.Height - theme.Page.MarginTop;
            foreach (var letter in page.Letters)
            {
                var baseline = letter.StartBaseLine.Y;
                if (baseline > top || baseline < theme.Page.MarginBottom || letter.PointSize <= theme.Fonts.FootnoteSize + 0.25)
                    continue;
                text.Append(letter.Value);
            }
        }
        return ContentsLeader().Replace(text.ToString(), "");
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Collapse(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Excerpt(string text, int position) => text.Substring(position, Math.Min(80, text.Length - position));

    [GeneratedRegex(@"\[\^([^\]]+)\](?!:)")]
    private static partial Regex CitationLabels();

    [GeneratedRegex(@"(\s*\.){3,}\s*\d+")]
    private static partial Regex ContentsLeader();
}
