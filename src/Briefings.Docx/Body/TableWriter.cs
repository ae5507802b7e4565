using Briefings.Documents;
using Briefings.Docx.Styles;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx.Body;

/// <summary>
/// Data tables in the "Briefing Table" style: borders, padding, header shading and banding come from the
/// style (so a row added in Word looks like its neighbours); header rows repeat on every page.
/// </summary>
internal sealed class TableWriter(WriteContext context, InlineWriter inlines)
{
    public W.Table Table(Documents.Table table, BlockScope scope)
    {
        var indent = scope.Indent;
        var widths = ColumnWidths(table.Columns, scope.ContentWidth, MinimumWidths(table, context.Theme));
        var hasHeader = table.HeaderRows.Count > 0;

        var result = new W.Table(
            new W.TableProperties(
                new W.TableStyle { Val = StyleIds.Table },
                new W.TableWidth { Width = Units.Number(widths.Sum()), Type = W.TableWidthUnitValues.Dxa },
                new W.TableIndentation { Width = indent, Type = W.TableWidthUnitValues.Dxa },
                new W.TableLayout { Type = W.TableLayoutValues.Fixed },
                // Header row on, horizontal banding on, the rest off. Only the bit mask is written: the
                // separate on/off attributes date from Word 2010 and fail validation against the 2007 schema.
                new W.TableLook { Val = hasHeader ? "0420" : "0400" }),
            new W.TableGrid(widths.Select(w => new W.GridColumn { Width = Units.Number(w) })));

        foreach (var row in table.HeaderRows)
            result.Append(Row(row, table.Columns, widths, header: true, scope));
        foreach (var row in table.BodyRows)
            result.Append(Row(row, table.Columns, widths, header: false, scope));
        if (table.Columns.Count == 0)
            context.Problems.Add("a table has no columns");
        else if (table.HeaderRows.Count + table.BodyRows.Count == 0)
            context.Problems.Add("a table has no rows");
        return result;
    }

    private W.TableRow Row(TableRow row, IReadOnlyList<TableColumn> columns, int[] widths, bool header, BlockScope scope)
    {
        if (row.Cells.Count > columns.Count)
            context.Problems.Add($"a table row has {row.Cells.Count} cells but the table has {columns.Count} columns: '{string.Join(" | ", row.Cells.Select(c => c.Content.ToPlainText()))}'");

        var rowProperties = new W.TableRowProperties(new W.CantSplit());
        if (header)
            rowProperties.Append(new W.TableHeader());
        var result = new W.TableRow(rowProperties);
        for (var i = 0; i < columns.Count; i++)
        {
            // Short rows are padded with empty cells so every row spans the grid.
            var content = i < row.Cells.Count ? row.Cells[i].Content : [];
            var cell = new W.TableCell(new W.TableCellProperties(
                new W.TableCellWidth { Width = Units.Number(widths[i]), Type = W.TableWidthUnitValues.Dxa }));
            cell.Append(BlockWriter.Paragraph(
                BlockWriter.Properties(StyleIds.TableText, justification: Alignment(columns[i].Alignment)),
                inlines.Write(content, scope.Inlines)));
            result.Append(cell);
        }
        return result;
    }

    private static W.JustificationValues Alignment(ColumnAlignment alignment) => alignment switch
    {
        ColumnAlignment.Center => W.JustificationValues.Center,
        ColumnAlignment.Right => W.JustificationValues.Right,
        _ => W.JustificationValues.Left,
    };

    /// <summary>
    /// The narrowest each column can be, in twips: its widest piece of text that must not break (a word, or a
    /// date or number with its unit, whose spaces are no-break spaces), in the table's font and size (bold in
    /// header rows), plus the cell padding — as the PDF sizes its columns. Word and LibreOffice otherwise break
    /// such a piece between letters ("5 August 2 | 022") when a fixed column is narrower.
    /// </summary>
    internal static int[] MinimumWidths(Documents.Table table, Theme theme)
    {
        var family = Styles.StylesBuilder.TableFamily(theme);
        var size = theme.Table.FontSize;
        int padding = Units.Twips(theme.Table.CellPadding) * 2 + 20;
        var minimums = new int[table.Columns.Count];
        void Consider(TableRow row, bool bold)
        {
            for (int i = 0; i < Math.Min(row.Cells.Count, minimums.Length); i++)
            {
                var text = Typography.NoBreaks(row.Cells[i].Content.ToPlainText());
                foreach (var piece in text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
                {
                    // A hyphenated word may break after its hyphens; the widest part is what must fit.
                    foreach (var part in piece.Split('-'))
                        if (TextMeasure.Width(part, family, bold, size) is { } points)
                            minimums[i] = Math.Max(minimums[i], (int)Math.Ceiling(points * 20) + padding);
                }
            }
        }
        foreach (var row in table.HeaderRows)
            Consider(row, bold: true);
        foreach (var row in table.BodyRows)
            Consider(row, bold: false);
        return minimums;
    }

    /// <summary>
    /// Relative widths scaled to the available width in twips; missing or non-positive widths share equally. A
    /// column below its minimum (<paramref name="minimums"/>, when given) is widened to it, at the expense of the
    /// columns with room to spare, as long as the minimums fit the width at all.
    /// </summary>
    internal static int[] ColumnWidths(IReadOnlyList<TableColumn> columns, int available, IReadOnlyList<int>? minimums = null)
    {
        var widths = ProportionalWidths(columns, available);
        if (minimums is null || minimums.Count != widths.Length || minimums.Sum() > available)
            return widths;
        // Fix the columns that need their minimum; share what is left among the others in proportion, again
        // until none of them falls below its own minimum.
        var fixedColumns = new bool[widths.Length];
        for (int round = 0; round < widths.Length; round++)
        {
            bool changed = false;
            for (int i = 0; i < widths.Length; i++)
                if (!fixedColumns[i] && widths[i] < minimums[i])
                {
                    fixedColumns[i] = true;
                    changed = true;
                }
            if (!changed)
                break;
            int left = available - Enumerable.Range(0, widths.Length).Where(i => fixedColumns[i]).Sum(i => minimums[i]);
            var free = Enumerable.Range(0, widths.Length).Where(i => !fixedColumns[i]).ToList();
            double share = free.Sum(i => (double)widths[i]);
            for (int i = 0; i < widths.Length; i++)
                widths[i] = fixedColumns[i] ? minimums[i] : (int)Math.Floor(left * widths[i] / share);
            if (free.Count > 0)
                widths[free[^1]] += available - widths.Sum();
            else
                widths[^1] += available - widths.Sum();
        }
        return widths;
    }

    private static int[] ProportionalWidths(IReadOnlyList<TableColumn> columns, int available)
    {
        if (columns.Count == 0)
            return [];
        var relative = columns.Select(c => double.IsFinite(c.RelativeWidth) && c.RelativeWidth > 0 ? c.RelativeWidth : 0).ToArray();
        if (relative.All(r => r == 0))
            Array.Fill(relative, 1.0);
        var positiveMean = relative.Where(r => r > 0).Average();
        for (var i = 0; i < relative.Length; i++)
            if (relative[i] == 0) relative[i] = positiveMean;
        var total = relative.Sum();
        var widths = relative.Select(r => (int)Math.Floor(available * r / total)).ToArray();
        widths[^1] += available - widths.Sum();
        return widths;
    }
}
