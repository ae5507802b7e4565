using Briefings.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Briefings.Docx.Tests;

public class FootnoteTests
{
    [Fact]
    public void Footnotes_part_opens_with_the_separator_notes_the_settings_name()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var notes = word.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<W.Footnote>().ToList();
        Assert.Equal((W.FootnoteEndnoteValues.Separator, -1L), (notes[0].Type!.Value, notes[0].Id!.Value));
        Assert.NotNull(notes[0].Descendants<W.SeparatorMark>().SingleOrDefault());
        Assert.Equal((W.FootnoteEndnoteValues.ContinuationSeparator, 0L), (notes[1].Type!.Value, notes[1].Id!.Value));
        Assert.NotNull(notes[1].Descendants<W.ContinuationSeparatorMark>().SingleOrDefault());
        var settings = word.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<W.FootnoteDocumentWideProperties>()!;
        Assert.Equal([-1, 0], settings.Elements<W.FootnoteSpecialReference>().Select(r => r.Id!.Value));
    }

    [Fact]
    public void Every_citation_is_a_real_footnote_with_the_brief_s_text()
    {
        var document = SampleDocuments.VisitBrief();
        using var word = Render.Open(document);
        var notes = word.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<W.Footnote>().Where(n => n.Type is null).ToList();
        Assert.Equal(document.Footnotes.Select(f => (long)f.Number), notes.Select(n => n.Id!.Value));
        Assert.Equal(
            document.Footnotes.Select(f => string.Join("\n", f.Blocks.OfType<Documents.Paragraph>().Select(p => p.Content.ToPlainText()))),
            notes.Select(n => string.Join("\n", n.Elements<W.Paragraph>().Select(Read.Text)).TrimStart()));
        foreach (var note in notes)
        {
            var first = note.Elements<W.Paragraph>().First();
            Assert.Equal("FootnoteText", Read.Style(first));
            var mark = first.Elements<W.Run>().First();
            Assert.NotNull(mark.GetFirstChild<W.FootnoteReferenceMark>());
            Assert.Equal("FootnoteReference", mark.RunProperties?.RunStyle?.Val?.Value);
        }
    }

    [Fact]
    public void Text_refers_to_each_note_once_and_repeats_print_the_number()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var references = Read.Body(word).Descendants<W.FootnoteReference>().Select(r => r.Id!.Value).ToList();
        Assert.Equal([1L, 2L, 3L], references);
        var repeated = Read.TopParagraph(word, "Repeated citation1.");
        var mark = repeated.Elements<W.Run>().Single(r => Read.Text(r) == "1");
        Assert.Equal("FootnoteReference", mark.RunProperties?.RunStyle?.Val?.Value);
        Assert.Equal(W.VerticalPositionValues.Superscript, Read.StyleById(word, "FootnoteReference").StyleRunProperties?.VerticalTextAlignment?.Val?.Value);
    }

    [Fact]
    public void Footnote_text_size_comes_from_the_theme()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief(), new Documents.Theme { Fonts = new Documents.FontTheme { FootnoteSize = 7.5 } });
        Assert.Equal("15", Read.StyleById(word, "FootnoteText").StyleRunProperties?.FontSize?.Val?.Value);
    }
}
