using Briefings.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Xunit;
using static Briefings.Docx.Tests.SampleDocuments;

namespace Briefings.Docx.Tests;

/// <summary>
/// The end of a section is not carried to a new page as fewer than three lines: in Word, the paragraphs before a
/// short last paragraph keep with the next (widow control then carries two of their lines at least), and one
/// no taller than a third of a page also keeps its lines together (it goes over whole, as in the PDF).
/// Default theme: A4, 10.5 pt type, 1.35 leading, about 90 characters a line.
/// </summary>
public class SectionEndTests
{
    private static string Words(int lines) => string.Concat(Enumerable.Repeat("word ", lines * 18)).Trim();

    private static bool KeepNext(W.Paragraph p) => p.ParagraphProperties?.KeepNext is not null;
    private static bool KeepLines(W.Paragraph p) => p.ParagraphProperties?.KeepLines is not null;

    [Fact]
    public void A_one_line_end_of_section_takes_the_paragraph_before_with_it()
    {
        var document = new Document(new DocumentMetadata { Title = "Ends" },
        [
            H(1, "one", T("One")),
            P(T("first " + Words(5))),
            P(T("middle " + Words(6))),
            P(T("last line.")),
            H(1, "two", T("Two")),
            P(T("long " + Words(30))),
            P(T("short end.")),
            H(1, "three", T("Three")),
            P(T("unkept " + Words(4))),
            P(T("ends in four lines " + Words(4))),
        ], []);
        using var word = Render.Open(document);
        W.Paragraph Starting(string start) => Read.Body(word).Elements<W.Paragraph>().Single(p => Read.Text(p).StartsWith(start, StringComparison.Ordinal));

        // Six lines (a third of a page holds about sixteen) go over whole with the last line.
        Assert.True(KeepNext(Starting("middle")));
        Assert.True(KeepLines(Starting("middle")));
        // Three lines are chained already: the paragraph before them is free.
        Assert.False(KeepNext(Starting("first")));
        Assert.False(KeepNext(Starting("last line.")));

        // Thirty lines are more than a third of a page: they keep with the end, and may split (widow control
        // carries two of their lines to the new page at least).
        Assert.True(KeepNext(Starting("long")));
        Assert.False(KeepLines(Starting("long")));

        // A section ending in four lines needs nothing.
        Assert.False(KeepNext(Starting("unkept")));
        Assert.False(KeepNext(Starting("ends in four lines")));
    }

    [Fact]
    public void Short_list_items_at_the_end_of_a_section_chain_until_three_lines()
    {
        var document = new Document(new DocumentMetadata { Title = "Ends" },
        [
            H(1, "one", T("One")),
            P(T("lead " + Words(3))),
            Bullets(Item(P(T("item a"))), Item(P(T("item b"))), Item(P(T("item c")))),
            H(1, "two", T("Two")),
            P(T("text")),
            new Table([new TableColumn(ColumnAlignment.Left, 1)], [Row("Head")], [Row("cell")]),
            H(1, "three", T("Three")),
        ], []);
        using var word = Render.Open(document);
        W.Paragraph Text(string text) => Read.Body(word).Elements<W.Paragraph>().Single(p => Read.Text(p).StartsWith(text, StringComparison.Ordinal));
        Assert.True(KeepNext(Text("item a")));
        Assert.True(KeepNext(Text("item b")));
        Assert.False(KeepNext(Text("item c")));
        Assert.False(KeepNext(Text("lead")));
        // A section ending in a table is left to the table's own keeps.
        Assert.False(KeepNext(Text("text")));
    }

    [Fact]
    public void A_paragraph_that_introduces_a_list_keeps_with_its_first_item()
    {
        var document = new Document(new DocumentMetadata { Title = "Leads" },
        [
            H(1, "one", T("One")),
            P(T("Xi Jinping:")),
            Bullets(Item(P(T("first " + Words(4)))), Item(P(T("second " + Words(4))))),
            P(T("Not a lead.")),
            Bullets(Item(P(T("third " + Words(4))))),
            P(T("closing " + Words(4))),
        ], []);
        using var word = Render.Open(document);
        W.Paragraph Text(string text) => Read.Body(word).Elements<W.Paragraph>().Single(p => Read.Text(p).StartsWith(text, StringComparison.Ordinal));
        Assert.True(KeepNext(Text("Xi Jinping:")));
        Assert.False(KeepNext(Text("Not a lead.")));
        Assert.False(KeepNext(Text("first")));
    }
}
