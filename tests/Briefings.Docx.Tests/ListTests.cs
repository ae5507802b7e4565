using W = DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Briefings.Docx.Tests;

public class ListTests
{
    private static (int NumberingId, int Level)? NumberingOf(W.Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties?.NumberingProperties;
        return properties is null ? null : (properties.NumberingId!.Val!.Value, properties.NumberingLevelReference!.Val!.Value);
    }

    private static W.AbstractNum DefinitionOf(W.Numbering numbering, int numberingId)
    {
        var instance = numbering.Elements<W.NumberingInstance>().Single(n => n.NumberID?.Value == numberingId);
        return numbering.Elements<W.AbstractNum>().Single(a => a.AbstractNumberId?.Value == instance.AbstractNumId!.Val!.Value);
    }

    [Fact]
    public void Nested_lists_three_deep_take_levels_zero_one_and_two()
    {
        using var word = Render.Open(SampleDocuments.EdgeCases());
        var numbering = word.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
        var levels = new[] { "one", "two", "three" }.Select(text => NumberingOf(Read.Paragraph(word, text))!.Value).ToList();
        Assert.Equal([0, 1, 2], levels.Select(l => l.Level));
        foreach (var (id, level) in levels)
        {
            var definition = DefinitionOf(numbering, id);
            var lvl = definition.Elements<W.Level>().Single(l => l.LevelIndex?.Value == level);
            Assert.Equal(W.NumberFormatValues.Bullet, lvl.NumberingFormat?.Val?.Value);
            // Bullets bold in the theme's accent colour, as the PDF sets them.
            var symbol = lvl.NumberingSymbolRunProperties!;
            Assert.NotNull(symbol.GetFirstChild<W.Bold>());
            Assert.Equal(new Documents.Theme().Colours.Accent.TrimStart('#').ToUpperInvariant(), symbol.GetFirstChild<W.Color>()?.Val?.Value);
            Assert.Equal("ListBullet", Read.Style(Read.Paragraph(word, level switch { 0 => "one", 1 => "two", _ => "three" })));
        }
    }

    [Fact]
    public void Every_numbered_list_restarts_at_its_own_start_value()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var numbering = word.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
        var first = NumberingOf(Read.Paragraph(word, "Joint statement on deepening the partnership"))!.Value;
        var second = NumberingOf(Read.Paragraph(word, "Memoranda on customs cooperation"))!.Value;
        var annex = NumberingOf(Read.Paragraph(word, "third"))!.Value;
        var nested = NumberingOf(Read.Paragraph(word, "logistics corridors"))!.Value;

        Assert.Equal(first, second);
        Assert.NotEqual(first.NumberingId, annex.NumberingId);
        Assert.NotEqual(first.NumberingId, nested.NumberingId);
        Assert.NotEqual(DefinitionOf(numbering, first.NumberingId).AbstractNumberId!.Value, DefinitionOf(numbering, annex.NumberingId).AbstractNumberId!.Value);

        int StartOf((int Id, int Level) n) => DefinitionOf(numbering, n.Id).Elements<W.Level>().Single(l => l.LevelIndex?.Value == n.Level).StartNumberingValue!.Val!.Value;
        Assert.Equal(1, StartOf(first));
        Assert.Equal(3, StartOf(annex));
        Assert.Equal(1, StartOf(nested));
        Assert.Equal(2, nested.Level);
        Assert.Equal(W.NumberFormatValues.Decimal, DefinitionOf(numbering, annex.NumberingId).Elements<W.Level>().First().NumberingFormat?.Val?.Value);
        Assert.Equal("ListNumber", Read.Style(Read.Paragraph(word, "third")));
    }

    [Fact]
    public void Later_paragraphs_of_an_item_are_indented_to_its_text_without_a_number()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var continuation = Read.Paragraph(word, "Drafts exchanged in November.");
        Assert.Null(NumberingOf(continuation));
        Assert.Equal("ListParagraph", Read.Style(continuation));
        Assert.Equal("400", continuation.ParagraphProperties?.Indentation?.Left?.Value);
    }

    [Fact]
    public void Every_numbering_reference_resolves_to_a_definition()
    {
        foreach (var document in new[] { SampleDocuments.VisitBrief(), SampleDocuments.EdgeCases() })
        {
            using var word = Render.Open(document);
            var numbering = word.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
            var used = Read.Body(word).Descendants<W.NumberingId>().Select(n => n.Val!.Value).Distinct().ToList();
            Assert.NotEmpty(used);
            foreach (var id in used)
                Assert.Equal(9, DefinitionOf(numbering, id).Elements<W.Level>().Count());
        }
    }

    [Fact]
    public void Empty_items_still_show_their_bullet()
    {
        using var word = Render.Open(SampleDocuments.EdgeCases());
        var nestedFirst = Read.Paragraph(word, "nested first");
        var previous = nestedFirst.PreviousSibling<W.Paragraph>()!;
        Assert.Equal("", Read.Text(previous));
        Assert.Equal(0, NumberingOf(previous)!.Value.Level);
        Assert.Equal(1, NumberingOf(nestedFirst)!.Value.Level);
    }

    [Fact]
    public void Document_without_lists_has_no_numbering_part()
    {
        using var word = Render.Open(SampleDocuments.Empty());
        Assert.Null(word.MainDocumentPart!.NumberingDefinitionsPart);
    }
}
