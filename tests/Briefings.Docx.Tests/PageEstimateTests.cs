using Briefings.Documents;
using Briefings.Docx.Body;
using Briefings.Docx.Navigation;
using Xunit;

namespace Briefings.Docx.Tests;

/// <summary>
/// The rules the contents' page estimate follows, each against page geometry worked out from the default theme:
/// A4 with 72 pt margins leaves 698 pt of text; a body line is 14.175 pt (10.5 pt at 1.35), a one-line paragraph
/// 20.175 pt with its 6 pt after; a level-1 heading at the top of the first page 44.1 pt (14 before, a 21.6 pt line,
/// 6 after, 2.5 pt of rule), after a paragraph 38.1 pt (the larger of 6 after and 14 before, not their sum).
/// </summary>
public class PageEstimateTests
{
    private static readonly Theme NoCover = new() { Cover = new CoverTheme { Enabled = false } };

    private static Heading H(string id) => new(1, id, [new Text(id.ToUpperInvariant())]);

    private static IEnumerable<Block> ShortParagraphs(int count) => Enumerable.Range(0, count).Select(_ => new Paragraph([new Text("Short.")]));

    private static Paragraph ThreeLines() => new([new Text(Words(NoCover.Fonts.BodySize, 3))]);

    /// <summary>A table of a header (Date, Place) and one-line rows, the first citing a note when given.</summary>
    private static Table DatesTable(int rows, int? noteInFirstRow = null) => new(
        [new TableColumn(ColumnAlignment.Left, 1), new TableColumn(ColumnAlignment.Left, 2)],
        [new TableRow([new TableCell([new Text("Date")]), new TableCell([new Text("Place")])])],
        [.. Enumerable.Range(1, rows).Select(i => new TableRow([new TableCell([new Text($"{i} May 2023")]),
            new TableCell(i == 1 && noteInFirstRow is { } note ? [new Text("Beijing"), new FootnoteReference(note)] : [new Text("Beijing")])]))]);

    /// <summary>Words that take exactly the given number of lines of the full text width in the body font.</summary>
    private static string Words(double size, int lines)
    {
        var theme = NoCover;
        var width = theme.Page.Width - theme.Page.MarginLeft - theme.Page.MarginRight;
        var words = new List<string>();
        while (TextMeasure.Lines(string.Join(" ", words.Append("delegation")), theme.Fonts.Body, false, size, width) <= lines)
            words.Add("delegation");
        Assert.Equal(lines, TextMeasure.Lines(string.Join(" ", words), theme.Fonts.Body, false, size, width));
        return string.Join(" ", words);
    }

    [Fact]
    public void Lines_break_greedily_between_words_and_after_hard_hyphens()
    {
        var font = NoCover.Fonts.Body;
        double Width(string text) => TextMeasure.Width(text, font, false, 10)!.Value;
        var threeWords = Width("alpha alpha alpha");
        // Three words to a line: seven words take three lines; a hair narrower, two to a line and four lines.
        Assert.Equal(3, TextMeasure.Lines(string.Join(" ", Enumerable.Repeat("alpha", 7)), font, false, 10, threeWords + 0.01));
        Assert.Equal(4, TextMeasure.Lines(string.Join(" ", Enumerable.Repeat("alpha", 7)), font, false, 10, threeWords - 0.01));
        // A line may break after a hard hyphen (not only at spaces), and a new line starts at a line feed.
        var width = Width("alpha well-") + 0.01;
        Assert.Equal(2, TextMeasure.Lines("alpha well-known", font, false, 10, width));
        Assert.Equal(3, TextMeasure.Lines("alpha wellknown", font, false, 10, width));
        Assert.Equal(2, TextMeasure.Lines("alpha\nalpha", font, false, 10, 1000));
        // No-break spaces join: "4 December 2023" is one piece.
        Assert.Equal(2, TextMeasure.Lines("alpha 4\u00a0December\u00a02023", font, false, 10, Width("alpha 4 December") + 0.01));
    }

    [Fact]
    public void A_note_takes_its_lines_single_spaced_and_the_separator_at_the_page_foot()
    {
        // H("a") then 26 one-line paragraphs: 44.1 + 26 × 20.175 = 568.7 pt. B (8 + 30.1 pt) keeps with three lines
        // (42.5 pt): it stays on page 1 while 617.4 pt or less is used. A note of four 8 pt lines takes 4 × 10.9 pt
        // single-spaced plus the separator (7.5 pt): 51.1 pt, 619.8 in all, so B goes to page 2. (At 1.2 lines and
        // without the separator the note would take 38.4 pt and B would stay on page 1.) A one-line note takes
        // 18.4 pt: B stays.
        Document WithNote(int? noteLines) => new(new DocumentMetadata { Title = "Notes" },
        [
            H("a"), .. ShortParagraphs(25),
            new Paragraph(noteLines is null ? [new Text("Cited.")] : [new Text("Cited."), new FootnoteReference(1)]),
            H("b"), ThreeLines(),
        ],
        noteLines is { } lines ? [SampleDocuments.Footnote(1, Words(NoCover.Fonts.FootnoteSize, lines)[..^11])] : []);
        Assert.Equal(1, PageEstimate.HeadingPages(WithNote(null), NoCover)["b"]);
        Assert.Equal(1, PageEstimate.HeadingPages(WithNote(1), NoCover)["b"]);
        Assert.Equal(2, PageEstimate.HeadingPages(WithNote(4), NoCover)["b"]);
    }

    [Fact]
    public void A_heading_goes_with_a_short_table_that_moves_whole()
    {
        // H("a") then 27 one-line paragraphs: 588.8 pt. B's heading and three lines would fit (up to 617.4 pt), but
        // B keeps with a table of a header and three rows kept together: 4 × 20.76 + 0.5 pt (9 pt lines single-spaced,
        // 4 pt padding above and below, 0.5 pt rules), which leaves page 1 whole, and B goes with it.
        var table = DatesTable(3);
        var document = new Document(new DocumentMetadata { Title = "Table" },
            [H("a"), .. ShortParagraphs(27), H("b"), table, H("c")], []);
        var pages = PageEstimate.HeadingPages(document, NoCover);
        Assert.Equal(2, pages["b"]);
        // With three lines of text after it instead, B stays on page 1.
        var text = new Document(new DocumentMetadata { Title = "Text" },
            [H("a"), .. ShortParagraphs(27), H("b"), ThreeLines(), H("c")], []);
        Assert.Equal(1, PageEstimate.HeadingPages(text, NoCover)["b"]);
    }

    [Fact]
    public void Between_a_paragraph_and_a_heading_the_larger_space_is_left_not_the_sum()
    {
        // H("a"), 21 one-line and 3 three-line paragraphs: 44.1 + 21 × 20.175 + 3 × 48.525 = 613.35 pt. B's heading
        // (8 pt more than the 6 after the paragraph, then 30.1 pt) and three lines (42.5 pt) end at 694 pt: page 1.
        // With the sum of the spaces (14 more) they would end at 700 pt, on page 2.
        var document = new Document(new DocumentMetadata { Title = "Spacing" },
            [H("a"), .. ShortParagraphs(21), ThreeLines(), ThreeLines(), ThreeLines(), H("b"), ThreeLines()], []);
        Assert.Equal(1, PageEstimate.HeadingPages(document, NoCover)["b"]);
        // One more line of text before it, and B goes to page 2.
        var longer = new Document(new DocumentMetadata { Title = "Spacing" },
            [H("a"), .. ShortParagraphs(22), ThreeLines(), ThreeLines(), ThreeLines(), H("b"), ThreeLines()], []);
        Assert.Equal(2, PageEstimate.HeadingPages(longer, NoCover)["b"]);
    }

    [Fact]
    public void Space_before_a_heading_is_dropped_at_the_top_of_a_page_the_text_ran_onto()
    {
        // H("a") and 32 one-line paragraphs use 689.7 pt: B's heading and three lines do not fit, and B starts page 2
        // without its 14 pt before: 30.1 pt, then 29 one-line paragraphs: 615.2 pt. C (8 + 30.1 pt) and three lines
        // end at 695.8 pt, on page 2. After a page break that was asked for, the heading keeps its space (44.1 pt),
        // and C goes to page 3.
        Document Pages(params Block[] start) => new(new DocumentMetadata { Title = "Top" },
            [.. start, H("b"), .. ShortParagraphs(29), H("c"), ThreeLines()], []);
        var ranOnto = PageEstimate.HeadingPages(Pages([H("a"), .. ShortParagraphs(32)]), NoCover);
        Assert.Equal(2, ranOnto["b"]);
        Assert.Equal(2, ranOnto["c"]);
        var asked = PageEstimate.HeadingPages(Pages([H("a"), .. ShortParagraphs(2), new PageBreak()]), NoCover);
        Assert.Equal(2, asked["b"]);
        Assert.Equal(3, asked["c"]);
    }

    [Fact]
    public void A_call_out_is_measured_as_its_styles_set_it()
    {
        // The call-out's paragraphs and list items are set at 0.95 of the body size (9.975 pt at 1.35: 13.47 pt a
        // line) with 4 pt after each, inside 45.5 pt of indents; its title at the level-3 size in the heading font
        // (14.85 pt) with 4 pt after; 8 + 6 pt of padding and two 0.5 pt hairlines: 33.85 + 17.47 pt an item. After
        // H("a") (44.1 pt), B's heading (10 pt more than the 4 after the call-out, then 30.1 pt) and three lines
        // (42.5 pt) end at 684.7 pt after 30 one-line items, at 702.2 pt after 31: B goes to page 2. (Set as body
        // text, 17.2 pt an item, 31 items would leave B on page 1.)
        Document WithItems(int count) => new(new DocumentMetadata { Title = "Call-out" },
        [
            H("a"),
            new Callout("points", "Points", [new ListBlock(false, 1, [.. Enumerable.Range(0, count).Select(_ => new ListItem([new Paragraph([new Text("Short item.")])]))])]),
            H("b"), ThreeLines(),
        ], []);
        Assert.Equal(1, PageEstimate.HeadingPages(WithItems(30), NoCover)["b"]);
        Assert.Equal(2, PageEstimate.HeadingPages(WithItems(31), NoCover)["b"]);
    }

    [Fact]
    public void A_heading_keeps_with_the_whole_of_a_paragraph_of_two_lines_not_with_three()
    {
        // H("a") and 29 one-line paragraphs use 629.2 pt; B's heading (8 + 30.1 pt) and a paragraph of two lines
        // (28.35 pt) end at 695.6 pt, on page 1. Widow and orphan control keep two lines on either side of a break,
        // so the heading needs all of a two-line paragraph, not three lines (which would end at 709.8 pt). With
        // three lines after it, B goes to page 2.
        Document After(Paragraph paragraph) => new(new DocumentMetadata { Title = "Keep" },
            [H("a"), .. ShortParagraphs(29), H("b"), paragraph, ThreeLines()], []);
        Assert.Equal(1, PageEstimate.HeadingPages(After(new Paragraph([new Text(Words(NoCover.Fonts.BodySize, 2))])), NoCover)["b"]);
        Assert.Equal(2, PageEstimate.HeadingPages(After(ThreeLines()), NoCover)["b"]);
    }

    [Fact]
    public void A_figure_s_caption_may_leave_its_space_after_below_the_page_foot()
    {
        // H("a") and B's heading use 82.2 pt. A full-width figure 600 pt tall with a one-line caption (9 pt, single
        // spaced: 12.26 pt, then the Caption style's 10 pt after) ends at 694.5 pt without the space after: it fits
        // on page 1 with B, as LibreOffice sets it. 606 pt tall, it ends at 700.5 pt and goes to page 2 with B.
        var width = NoCover.Page.Width - NoCover.Page.MarginLeft - NoCover.Page.MarginRight;
        Document WithFigure(double height) => new(new DocumentMetadata { Title = "Figure" },
            [H("a"), H("b"), new Figure("Meetings by kind", "A chart.", new FigureSize(1, null, height / width), new Drawing(100, 60, [])), H("c")], []);
        Assert.Equal(1, PageEstimate.HeadingPages(WithFigure(600), NoCover)["b"]);
        Assert.Equal(2, PageEstimate.HeadingPages(WithFigure(606), NoCover)["b"]);
    }

    [Fact]
    public void A_heading_keeps_with_a_paragraph_that_introduces_a_list_and_the_list_s_first_item()
    {
        // H("a") and 29 one-line paragraphs use 629.2 pt, B's heading 38.1 pt more. "Wang Yi:" introduces the list and
        // keeps with its first item: a line, 6 pt after, and the item's line, 34.35 pt, end at 701.6 pt: B goes to
        // page 2. "Wang Yi." does not introduce it: B needs its one line (ending at 681.4 pt) and stays on page 1.
        // (Three lines end the section, so it is not a short end kept whole.)
        Document Lead(string text) => new(new DocumentMetadata { Title = "Lead" },
        [
            H("a"), .. ShortParagraphs(29), H("b"), new Paragraph([new Text(text)]),
            new ListBlock(false, 1, [new ListItem([new Paragraph([new Text("Short item.")])]), new ListItem([new Paragraph([new Text("Short item.")])])]),
            ThreeLines(),
        ], []);
        Assert.Equal(2, PageEstimate.HeadingPages(Lead("Wang Yi:"), NoCover)["b"]);
        Assert.Equal(1, PageEstimate.HeadingPages(Lead("Wang Yi."), NoCover)["b"]);
    }

    [Fact]
    public void A_heading_goes_with_a_longer_table_s_header_and_first_two_rows()
    {
        // A table of five rows may split, but not start at a page foot with fewer than two body rows: B's heading
        // (38.1 pt) keeps with the header and two rows (3 × 20.76 + 0.5 pt). After H("a") and 28 one-line paragraphs
        // (609 pt) they would end at 709.9 pt, so B goes to page 2 (three lines of text would have fitted, to
        // 689.6 pt). After 27 paragraphs they end at 689.7 pt: B stays on page 1.
        var table = DatesTable(5);
        Document After(int paragraphs) => new(new DocumentMetadata { Title = "Table" },
            [H("a"), .. ShortParagraphs(paragraphs), H("b"), table, H("c")], []);
        Assert.Equal(2, PageEstimate.HeadingPages(After(28), NoCover)["b"]);
        Assert.Equal(1, PageEstimate.HeadingPages(After(27), NoCover)["b"]);
    }

    [Fact]
    public void A_table_kept_together_brings_the_notes_its_rows_cite()
    {
        // After H("a") and 27 one-line paragraphs (588.8 pt), a table of three rows (89.5 pt with its spacer) would
        // fit, but its first row cites a note of four lines (51.1 pt with the separator): kept together with its
        // note, the table goes to page 2 (140.6 pt there). 26 one-line paragraphs then end at 665.2 pt, and C with
        // three lines goes to page 3. (Counted without its note, the table would stay on page 1, the note run over, and C
        // fit on page 2.)
        var table = DatesTable(3, noteInFirstRow: 1);
        var document = new Document(new DocumentMetadata { Title = "Notes" },
            [H("a"), .. ShortParagraphs(27), table, .. ShortParagraphs(26), H("c"), ThreeLines()],
            [SampleDocuments.Footnote(1, Words(NoCover.Fonts.FootnoteSize, 4)[..^11])]);
        Assert.Equal(3, PageEstimate.HeadingPages(document, NoCover)["c"]);
    }

    [Fact]
    public void A_heading_with_a_short_section_needs_the_section_not_the_space_after_it()
    {
        // H("a"), 28 one-line paragraphs and one of two lines use 643.35 pt. B's heading (8 + 30.1 pt) and its whole
        // section, one line, end at 695.6 pt: page 1. The line's 6 pt after need not fit (with it, 701.6 pt: page 2).
        var document = new Document(new DocumentMetadata { Title = "Short section" },
            [H("a"), .. ShortParagraphs(28), new Paragraph([new Text(Words(NoCover.Fonts.BodySize, 2))]), H("b"), .. ShortParagraphs(1), H("c"), ThreeLines()], []);
        Assert.Equal(1, PageEstimate.HeadingPages(document, NoCover)["b"]);
    }
}
