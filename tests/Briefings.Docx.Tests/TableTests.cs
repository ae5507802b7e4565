using Briefings.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Briefings.Docx.Tests;

public class TableTests
{
    private static W.Table DataTable(DocumentFormat.OpenXml.Packaging.WordprocessingDocument word, string firstCell) =>
        Read.Body(word).Descendants<W.Table>().Single(t => t.Elements<W.TableRow>().Any() && Read.Text(t.Elements<W.TableRow>().First().Elements<W.TableCell>().First()) == firstCell);

    [Fact]
    public void Header_row_repeats_on_every_page_and_body_rows_do_not()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var rows = DataTable(word, "Date").Elements<W.TableRow>().ToList();
        Assert.Equal(5, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<W.TableHeader>());
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties?.GetFirstChild<W.TableHeader>()));
        Assert.Equal(["Date", "Meeting", "Documents"], rows[0].Elements<W.TableCell>().Select(Read.Text));
    }

    [Fact]
    public void Table_uses_the_table_style_with_header_and_banding_switched_on()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var properties = DataTable(word, "Date").GetFirstChild<W.TableProperties>()!;
        Assert.Equal("BriefingTable", properties.TableStyle?.Val?.Value);
        // 0x0020 header row on, 0x0400 no vertical banding; 0x0200 (no horizontal banding) is clear.
        Assert.Equal("0420", properties.TableLook?.Val?.Value);
    }

    [Fact]
    public void Column_widths_follow_the_relative_widths_and_fill_the_text_width()
    {
        var theme = new Theme();
        using var word = Render.Open(SampleDocuments.VisitBrief(), theme);
        var grid = DataTable(word, "Date").GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(g => int.Parse(g.Width!.Value!)).ToList();
        var textWidth = (int)Math.Round((theme.Page.Width - theme.Page.MarginLeft - theme.Page.MarginRight) * 20);
        Assert.Equal(textWidth, grid.Sum());
        Assert.InRange(grid[1] / (double)grid[0], 2.49, 2.51);
        Assert.InRange(grid[0] / (double)grid[2], 1.33, 1.34);
    }

    [Fact]
    public void Cells_are_aligned_per_column()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var row = DataTable(word, "Date").Elements<W.TableRow>().ElementAt(1);
        var alignments = row.Elements<W.TableCell>().Select(c => c.GetFirstChild<W.Paragraph>()!.ParagraphProperties!.Justification!.Val!.Value).ToList();
        Assert.Equal([W.JustificationValues.Left, W.JustificationValues.Left, W.JustificationValues.Right], alignments);
        Assert.Equal("TableText", Read.Style(row.Descendants<W.Paragraph>().First()));
    }

    [Fact]
    public void Empty_and_missing_cells_still_hold_a_paragraph()
    {
        using var word = Render.Open(SampleDocuments.EdgeCases());
        var table = Read.Body(word).Descendants<W.Table>().First(t => t.Descendants<W.TableStyle>().Any());
        var rows = table.Elements<W.TableRow>().ToList();
        Assert.All(rows, r => Assert.Equal(2, r.Elements<W.TableCell>().Count()));
        Assert.All(rows.SelectMany(r => r.Elements<W.TableCell>()), c => Assert.IsType<W.Paragraph>(c.LastChild));
        Assert.Equal("0400", table.GetFirstChild<W.TableProperties>()!.TableLook!.Val!.Value);
    }

    [Fact]
    public void A_footnote_inside_a_table_cell_is_a_real_footnote()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var reference = Read.Body(word).Descendants<W.FootnoteReference>().Single(r => r.Id?.Value == 2);
        Assert.NotNull(reference.Ancestors<W.TableCell>().FirstOrDefault());
    }

    [Fact]
    public void Two_tables_in_a_row_stay_two_tables()
    {
        using var word = Render.Open(SampleDocuments.EdgeCases());
        foreach (var table in Read.Body(word).Elements<W.Table>())
            Assert.IsType<W.Paragraph>(table.NextSibling());
    }

    [Fact]
    public void Tables_and_call_outs_nested_in_call_outs_and_lists_fit_inside_their_container()
    {
        using var word = Render.Open(SampleDocuments.EdgeCases());
        static int Width(W.Table table) => table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Sum(g => int.Parse(g.Width!.Value!));
        static int Indent(W.Table table) => table.GetFirstChild<W.TableProperties>()?.TableIndentation?.Width?.Value ?? 0;

        var outer = Read.Paragraph(word, "Outer box").Ancestors<W.Table>().First();
        var outerCell = outer.Descendants<W.TableCell>().First();
        var outerCellWidth = Width(outer) - 2 * 200;
        var innerTable = Read.Paragraph(word, "Inner").Ancestors<W.Table>().First();
        Assert.Same(outerCell, innerTable.Parent);
        Assert.InRange(Width(innerTable), 1, outerCellWidth);
        // The call-out inside holds only text: its paragraphs sit in the outer cell, indented by their style.
        Assert.Same(outerCell, Read.Paragraph(word, "Inner box").Parent);
        Assert.IsType<W.Paragraph>(outerCell.LastChild);

        var listTable = Read.Paragraph(word, "In a list").Ancestors<W.Table>().Single();
        var textWidth = (int)Math.Round((595.28 - 68 - 68) * 20);
        Assert.Equal(400, Indent(listTable));
        Assert.Equal(textWidth, Indent(listTable) + Width(listTable));
    }

    [Fact]
    public void A_column_is_never_narrower_than_its_widest_unbreakable_text()
    {
        // Seven columns of equal relative width: the date column would be a seventh of the text width, too narrow
        // for "12 September 2022" in one piece (its spaces are no-break spaces), so it is widened to fit.
        TableCell Cell(string text) => new([new Text(text)]);
        var columns = Enumerable.Range(0, 7).Select(_ => new TableColumn(ColumnAlignment.Left, 1)).ToList();
        var table = new Table(columns,
            [new TableRow([Cell("Date"), Cell("Place"), Cell("Kind"), Cell("With"), Cell("Outcome"), Cell("Notes"), Cell("Cite")])],
            [new TableRow([Cell("12 September 2022"), Cell("Beijing"), Cell("talks"), Cell("Xi Jinping"), Cell("none"), Cell("a"), Cell("b")])]);
        var document = new Document(new DocumentMetadata { Title = "Widths" }, [table], []);
        var theme = new Theme();
        using var word = Render.Open(document, theme);
        var grid = DataTable(word, "Date").GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(g => int.Parse(g.Width!.Value!)).ToList();
        var textWidth = (int)Math.Round((theme.Page.Width - theme.Page.MarginLeft - theme.Page.MarginRight) * 20);
        Assert.Equal(textWidth, grid.Sum());
        var date = Body.TextMeasure.Width(Typography.NoBreaks("12 September 2022"), theme.Fonts.Body, bold: false, theme.Table.FontSize)!.Value;
        Assert.True(grid[0] >= date * 20 + theme.Table.CellPadding * 40, $"date column {grid[0]} twips for a date {date * 20:F0} twips wide");
        Assert.True(grid[0] > textWidth / 7);
        // The others share what is left in proportion.
        Assert.All(grid.Skip(1), w => Assert.True(w < textWidth / 7));
    }

    [Fact]
    public void Minimum_widths_that_cannot_all_fit_leave_the_relative_widths_alone()
    {
        TableColumn[] columns = [new(ColumnAlignment.Left, 1), new(ColumnAlignment.Left, 1)];
        Assert.Equal([500, 501], Body.TableWriter.ColumnWidths(columns, 1001, [800, 800]));
        Assert.Equal([700, 301], Body.TableWriter.ColumnWidths(columns, 1001, [700, 100]));
    }

    [Fact]
    public void Zero_and_missing_relative_widths_share_the_width_equally()
    {
        var widths = Body.TableWriter.ColumnWidths([new TableColumn(ColumnAlignment.Left, 0), new TableColumn(ColumnAlignment.Left, double.NaN)], 1001);
        Assert.Equal([500, 501], widths);
        Assert.Equal([250, 751], Body.TableWriter.ColumnWidths([new TableColumn(ColumnAlignment.Left, 1), new TableColumn(ColumnAlignment.Left, 3)], 1001));
    }
    [Fact]
    public void Short_tables_and_call_outs_are_kept_on_one_page_as_in_the_PDF()
    {
        TableRow Row(string a, string b) => new([new TableCell([new Text(a)]), new TableCell([new Text(b)])]);
        Briefings.Documents.Table Table(int rows) => new(
            [new TableColumn(ColumnAlignment.Left, 1), new TableColumn(ColumnAlignment.Left, 1)],
            [Row("Date", "Place")],
            [.. Enumerable.Range(1, rows).Select(i => Row($"{i} March 2023", $"Place {i}"))]);
        var document = new Document(new DocumentMetadata { Title = "Keeps" },
            [Table(3), Table(5), new Callout("points", "Points to make", [new Briefings.Documents.Paragraph([new Text("Say this.")])])], []);
        using var word = Render.Open(document);
        var tables = word.MainDocumentPart!.Document!.Body!.Elements<W.Table>()
            .Where(t => t.InnerText.Contains("Place 1", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, tables.Count);
        bool Keeps(W.TableRow row) => row.Descendants<W.Paragraph>().All(p => p.ParagraphProperties?.KeepNext is not null);

        // Three rows: every row but the last keeps with the next, so the table moves whole.
        var small = tables[0].Elements<W.TableRow>().ToList();
        Assert.Equal(4, small.Count);
        Assert.All(small.Take(3), r => Assert.True(Keeps(r)));
        Assert.False(Keeps(small[^1]));
        // Five rows may split between pages (the header repeats), but do not start at a page foot with fewer than two
        // body rows: the header keeps with the first row, and the first with the second.
        Assert.Equal([true, true, false, false, false, false], tables[1].Elements<W.TableRow>().Select(Keeps));
        // The call-out (paragraphs in its kind's style) keeps its title with its text, whose lines stay together.
        var callout = word.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().SkipWhile(p => p.InnerText != "Points to make").Take(2).ToList();
        Assert.NotNull(callout[0].ParagraphProperties?.KeepNext);
        Assert.Equal("Say this.", callout[1].InnerText);
        Assert.NotNull(Read.StyleById(word, "CalloutPoints").StyleParagraphProperties?.KeepLines);
    }

    [Fact]
    public void A_heading_after_a_table_carries_the_gap_itself_and_a_paragraph_after_a_table_has_the_spacer()
    {
        // An empty paragraph between a table and a heading broke LibreOffice's keep-with-next chain on a page with
        // notes. The heading takes the spacer's 6 pt in its space before (14 + 6 pt = 400 twips); the gap is the same.
        Table Small(string first) => new(
            [new TableColumn(ColumnAlignment.Left, 1), new TableColumn(ColumnAlignment.Left, 1)],
            [new TableRow([new TableCell([new Text(first)]), new TableCell([new Text("Place")])])],
            [new TableRow([new TableCell([new Text("4 May 2023")]), new TableCell([new Text("Beijing")])])]);
        var document = new Document(new DocumentMetadata { Title = "Tables" },
        [
            Small("Before heading"), new Heading(2, "next", [new Text("Next")]), new Paragraph([new Text("Text.")]),
            Small("Before text"), new Paragraph([new Text("After the table.")]),
            Small("Before a break"), new PageBreak(), new Heading(2, "after-break", [new Text("After a break")]),
        ], []);
        using var word = Render.Open(document);
        var blocks = Read.Body(word).Elements().ToList();
        var first = blocks.IndexOf(DataTable(word, "Before heading"));
        var heading = Assert.IsType<W.Paragraph>(blocks[first + 1]);
        Assert.Equal("Heading2", Read.Style(heading));
        Assert.Equal("400", heading.ParagraphProperties!.SpacingBetweenLines!.Before!.Value);
        var second = blocks.IndexOf(DataTable(word, "Before text"));
        var spacer = Assert.IsType<W.Paragraph>(blocks[second + 1]);
        Assert.Equal("", Read.Text(spacer));
        Assert.Equal("120", spacer.ParagraphProperties!.SpacingBetweenLines!.Line!.Value);
        Assert.Equal("After the table.", Read.Text(blocks[second + 2]));
        // Before a page break the spacer ends the page, and the heading opens the next page with its style's space.
        var third = blocks.IndexOf(DataTable(word, "Before a break"));
        Assert.Equal("", Read.Text(blocks[third + 1]));
        var afterBreak = Assert.IsType<W.Paragraph>(blocks[third + 2]);
        Assert.NotNull(afterBreak.ParagraphProperties!.PageBreakBefore);
        Assert.Null(afterBreak.ParagraphProperties.SpacingBetweenLines);
    }
}
