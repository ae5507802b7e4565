using SkiaSharp;

namespace Briefings.Pdf.Layout;

/// <summary>Colours and spacing of a table, taken from the theme.</summary>
internal sealed record TableLook(SKColor HeaderBackground, SKColor? BandBackground, SKColor Border, float BorderWidth, float Padding);

/// <summary>
/// A table with relative column widths. Header rows are drawn at the top of every page the table spans;
/// a body row that does not fit in the space left is split between pages (each cell keeps its own
/// progress), with banding and borders per theme.
/// </summary>
internal sealed class TableElement(
    float[] relativeWidths,
    IReadOnlyList<TextBlockElement[]> headerRows,
    IReadOnlyList<TextBlockElement[]> bodyRows,
    TableLook look) : Element
{
    private int currentRow;

    public override bool IsDone => currentRow >= bodyRows.Count;
    public override bool IsStarted => currentRow > 0 || (currentRow < bodyRows.Count && bodyRows[currentRow].Any(c => c.IsStarted));

    private float[]? columnWidths;
    private float columnWidthsFor = -1;

    /// <summary>
    /// Column widths from the content, as browsers lay out automatic tables: every column gets at least the
    /// widest piece its cells can never break inside (a date, a long word), so no word is split between
    /// characters; the width left over goes to the columns whose text would otherwise wrap (by the square
    /// root of how much wider their longest line is than their narrowest); when every cell fits on one line
    /// the spare width is shared by the relative widths given. Cached per table width.
    /// </summary>
    private float[] ColumnWidths(LayoutContext context, float width)
    {
        if (columnWidths is not null && Math.Abs(columnWidthsFor - width) < 0.001f)
            return columnWidths;
        int n = relativeWidths.Length;
        float total = relativeWidths.Sum();
        var weights = relativeWidths.Select(r => total > 0 ? r / total : 1f / n).ToArray();
        var min = new float[n];
        var max = new float[n];
        foreach (var row in headerRows.Concat(bodyRows))
            for (int c = 0; c < Math.Min(n, row.Length); c++)
            {
                var (lo, hi) = row[c].ContentWidths(context);
                min[c] = Math.Max(min[c], lo + 2 * look.Padding + 0.5f);
                max[c] = Math.Max(max[c], hi + 2 * look.Padding + 0.5f);
            }
        float minSum = min.Sum(), maxSum = max.Sum();
        var widths = new float[n];
        if (minSum >= width)
            for (int c = 0; c < n; c++)
                widths[c] = minSum > 0 ? width * min[c] / minSum : width / n;
        else if (maxSum <= width)
            for (int c = 0; c < n; c++)
                widths[c] = max[c] + (width - maxSum) * weights[c];
        else
        {
            // Between the two: every column gets its minimum, and the rest goes to the columns short of their
            // preferred width, by the square root of how short they are, so a column of medium-length text
            // (an occasion) is not starved by one of long text (an outcome) and rows stay balanced.
            float spare = width - minSum;
            var want = new float[n];
            for (int c = 0; c < n; c++)
                want[c] = MathF.Sqrt(max[c] - min[c]);
            float wantSum = want.Sum();
            for (int c = 0; c < n; c++)
                widths[c] = min[c] + spare * (wantSum > 0 ? want[c] / wantSum : weights[c]);
            // No column beyond its preferred width: give any excess to the columns still short of theirs.
            for (int pass = 0; pass < n; pass++)
            {
                float excess = 0, shortSum = 0;
                for (int c = 0; c < n; c++)
                {
                    if (widths[c] > max[c])
                    {
                        excess += widths[c] - max[c];
                        widths[c] = max[c];
                    }
                    else if (widths[c] < max[c])
                        shortSum += want[c];
                }
                if (excess <= 0.01f || shortSum <= 0)
                    break;
                for (int c = 0; c < n; c++)
                    if (widths[c] < max[c])
                        widths[c] += excess * want[c] / shortSum;
            }
        }
        columnWidthsFor = width;
        return columnWidths = widths;
    }

    private float HeaderHeight(LayoutContext context, float[] columns)
    {
        float height = 0;
        foreach (var row in headerRows)
            height += HeaderRowHeight(context, row, columns);
        return height;
    }

    /// <summary>A header row is never split: its height is its tallest cell's whole layout plus padding.</summary>
    private float HeaderRowHeight(LayoutContext context, TextBlockElement[] row, float[] columns)
    {
        float tallest = 0;
        for (int c = 0; c < row.Length; c++)
            tallest = Math.Max(tallest, row[c].LayoutFor(context, columns[c] - 2 * look.Padding).Height);
        return tallest + 2 * look.Padding;
    }

    /// <summary>The row's plan (padding included) and the height each of its cells is given.</summary>
    private SideBySidePlan MeasureRow(LayoutContext context, TextBlockElement[] row, float[] columns, float height)
    {
        float inner = height - 2 * look.Padding;
        if (inner <= 0)
            return new(SpacePlan.Nothing("no room for a table row"), 0);
        var (plan, cellHeight) = MeasureSideBySide(context, row, columns, 2 * look.Padding, inner);
        return new(plan.Kind switch
        {
            PlanKind.Nothing => SpacePlan.Nothing("a table row does not fit: " + plan.Reason),
            PlanKind.Partial => SpacePlan.Partial(plan.Height + 2 * look.Padding, plan.FootnoteHeight),
            _ => SpacePlan.All(plan.Height + 2 * look.Padding, plan.FootnoteHeight),
        }, cellHeight);
    }

    public override SpacePlan Measure(LayoutContext context, float width, float height)
    {
        if (IsDone)
            return SpacePlan.All(0);
        var columns = ColumnWidths(context, width);
        using var scope = context.Footnotes.BeginMeasure();
        float used = HeaderHeight(context, columns), notes = 0;
        for (int r = currentRow; r < bodyRows.Count; r++)
        {
            var plan = MeasureRow(context, bodyRows[r], columns, height - used - notes).Plan;
            if (plan.Kind == PlanKind.Nothing)
                return r == currentRow ? plan : StartOrWait(r - currentRow, used, notes);
            used += plan.Height;
            notes += plan.FootnoteHeight;
            if (plan.Kind == PlanKind.Partial)
                return StartOrWait(r - currentRow, used, notes);
        }
        return SpacePlan.All(used, notes);

        // A table does not start at a page foot with its header and a single complete row, the rest on the next
        // page: with content above it on the page, it starts on the next page instead (on an empty page it
        // splits where it must).
        SpacePlan StartOrWait(int completeRows, float height, float footnotes) =>
            currentRow == 0 && completeRows < Documents.BreakRules.TableRowsToStart && bodyRows.Count > completeRows + 1 && context.PageHasContent
                ? SpacePlan.Nothing($"a table does not start with fewer than {Documents.BreakRules.TableRowsToStart} rows at the foot of a page")
                : SpacePlan.Partial(height, footnotes);
    }

    public override float Draw(LayoutContext context, float x, float y, float width, float height)
    {
        if (!Measure(context, width, height).Fits)
            return 0;
        var columns = ColumnWidths(context, width);
        float top = y;
        float notesAtStart = context.Footnotes.Height;
        var canvas = context.Canvas;

        foreach (var row in headerRows)
        {
            float rowHeight = HeaderRowHeight(context, row, columns);
            if (canvas is not null)
            {
                Fill(canvas, new SKRect(x, y, x + width, y + rowHeight), look.HeaderBackground);
                float left = x;
                for (int c = 0; c < row.Length; c++)
                {
                    // Tagged as its header cell the first time; repeated on later pages it is an artifact.
                    canvas.BeginStructure(row[c].Structure);
                    row[c].LayoutFor(context, columns[c] - 2 * look.Padding).Draw(canvas, left + look.Padding, y + look.Padding);
                    canvas.EndStructure(row[c].Structure, true);
                    left += columns[c];
                }
            }
            y += rowHeight;
        }

        while (currentRow < bodyRows.Count)
        {
            var row = bodyRows[currentRow];
            float available = height - (y - top) - (context.Footnotes.Height - notesAtStart);
            var (plan, cellHeight) = MeasureRow(context, row, columns, available);
            if (plan.Kind == PlanKind.Nothing)
                break;
            if (canvas is not null && currentRow % 2 == 1 && look.BandBackground is { } band)
                Fill(canvas, new SKRect(x, y, x + width, y + plan.Height), band);
            float left = x;
            for (int c = 0; c < row.Length; c++)
            {
                if (!row[c].IsDone)
                    row[c].Draw(context, left + look.Padding, y + look.Padding, columns[c] - 2 * look.Padding, cellHeight);
                left += columns[c];
            }
            if (canvas is not null)
                HorizontalRule(canvas, x, x + width, y + plan.Height);
            y += plan.Height;
            if (plan.Kind == PlanKind.Partial)
                break;
            currentRow++;
        }

        if (canvas is not null)
        {
            // Outer frame and column separators over the whole fragment drawn on this page.
            var border = canvas.Paint(look.Border, look.BorderWidth, SKPaintStyle.Stroke);
            canvas.Sk.DrawRect(new SKRect(x, top, x + width, y), border);
            float left = x;
            for (int c = 0; c < columns.Length - 1; c++)
            {
                left += columns[c];
                canvas.Sk.DrawLine(left, top, left, y, border);
            }
        }
        context.PageHasContent = true;
        return y - top;
    }

    private void HorizontalRule(Rendering.PageCanvas canvas, float left, float right, float y)
    {
        canvas.Sk.DrawLine(left, y, right, y, canvas.Paint(look.Border, look.BorderWidth));
    }

    private static void Fill(Rendering.PageCanvas canvas, SKRect rect, SKColor colour)
    {
        canvas.Sk.DrawRect(rect, canvas.Paint(colour, antialias: false));
    }

    public override void Reset()
    {
        currentRow = 0;
        foreach (var row in bodyRows)
            foreach (var cell in row)
                cell.Reset();
    }
}
