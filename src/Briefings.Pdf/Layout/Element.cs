namespace Briefings.Pdf.Layout;

internal enum PlanKind
{
    /// <summary>Nothing can be placed in the space offered (the reason says why).</summary>
    Nothing,
    /// <summary>Some of the element fits; the rest continues on the next page.</summary>
    Partial,
    /// <summary>The whole (remaining) element fits.</summary>
    All,
}

/// <summary>
/// An element's answer to "how much of you fits here?". Height is the body space used; FootnoteHeight is
/// the extra space that footnotes first referenced in that part would take at the foot of the page.
/// </summary>
internal readonly record struct SpacePlan(PlanKind Kind, float Height, float FootnoteHeight, string? Reason)
{
    public static SpacePlan Nothing(string reason) => new(PlanKind.Nothing, 0, 0, reason);
    public static SpacePlan Partial(float height, float footnotes = 0) => new(PlanKind.Partial, height, footnotes, null);
    public static SpacePlan All(float height, float footnotes = 0) => new(PlanKind.All, height, footnotes, null);

    public float Total => Height + FootnoteHeight;
    public bool Fits => Kind != PlanKind.Nothing;
}

/// <summary>
/// A piece of laid-out content (QuestPDF's model). Measure answers how much fits in a space without
/// changing anything; Draw places exactly that much and moves the element's own state forward, so the
/// next page continues where this one stopped. Reset rewinds the state for another pass.
/// </summary>
internal abstract class Element
{
    /// <summary>Space wanted above the element when it does not start a page.</summary>
    public float SpaceBefore { get; init; }
    public float SpaceAfter { get; init; }
    /// <summary>Never end a page right after this element (headings).</summary>
    public bool KeepWithNext { get; set; }

    public abstract bool IsDone { get; }
    /// <summary>Some of the element has been drawn already (it is continuing from an earlier page).</summary>
    public abstract bool IsStarted { get; }

    public abstract SpacePlan Measure(LayoutContext context, float width, float height);

    /// <summary>Draws what Measure promised for this space at (x, y); returns the body height used.</summary>
    public abstract float Draw(LayoutContext context, float x, float y, float width, float height);

    public abstract void Reset();

    /// <summary>
    /// Cells side by side in the same height, each narrower than its column by inset: the tallest sets
    /// the height and their footnotes add up; a cell that can place nothing stops them all (its plan is returned).
    /// The notes one cell brings take space from every cell, so the cells are measured again in less height
    /// until the tallest cell and all the notes fit together; CellHeight is the height each cell is then given
    /// (Draw must give the cells that same height so they place exactly what was measured).
    /// </summary>
    protected static SideBySidePlan MeasureSideBySide(LayoutContext context, IReadOnlyList<Element> cells, float[] widths, float inset, float height)
    {
        using var scope = context.Footnotes.BeginMeasure();
        int mark = context.Footnotes.ReservedMark;
        float cellHeight = height;
        for (int attempt = 0; attempt < 4; attempt++)
        {
            float tallest = 0, notes = 0;
            bool partial = false;
            SpacePlan? nothing = null;
            for (int i = 0; i < cells.Count; i++)
            {
                if (cells[i].IsDone)
                    continue;
                var plan = cells[i].Measure(context, widths[i] - inset, cellHeight);
                if (plan.Kind == PlanKind.Nothing)
                {
                    nothing = plan;
                    break;
                }
                partial |= plan.Kind == PlanKind.Partial;
                tallest = Math.Max(tallest, plan.Height);
                notes += plan.FootnoteHeight;
            }
            if (nothing is { } refused)
            {
                context.Footnotes.RollBackTo(mark);
                return new(refused, cellHeight);
            }
            if (tallest + notes <= height + 0.01f)
                return new(partial ? SpacePlan.Partial(tallest, notes) : SpacePlan.All(tallest, notes), cellHeight);
            // Too tall with the notes: measure again leaving the notes' space free in every cell.
            context.Footnotes.RollBackTo(mark);
            cellHeight = Math.Min(cellHeight - 0.01f, height - notes);
            if (cellHeight <= 0)
                break;
        }
        context.Footnotes.RollBackTo(mark);
        return new(SpacePlan.Nothing("the cells and the notes they cite do not fit together"), cellHeight);
    }
}

/// <summary>The plan for cells side by side and the height each cell was measured in.</summary>
internal readonly record struct SideBySidePlan(SpacePlan Plan, float CellHeight);
