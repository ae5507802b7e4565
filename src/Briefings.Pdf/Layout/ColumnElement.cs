namespace Briefings.Pdf.Layout;

/// <summary>
/// Children stacked top to bottom with collapsing spacing (the larger of one's SpaceAfter and the
/// next one's SpaceBefore; none at the top of a page). Keeps a KeepWithNext child (a heading) on the
/// same page as the start of what follows it.
/// </summary>
internal sealed class ColumnElement(IReadOnlyList<Element> children) : Element
{
    private int current;
    // Running totals after each child placed by the last plan (reused: plans run for every page).
    private readonly List<float> usedAfter = [];
    private readonly List<float> notesAfter = [];

    public IReadOnlyList<Element> Children => children;
    /// <summary>The body column of the page: a page break at the very top of a page is then a no-op.</summary>
    public bool IsPageBody { get; init; }
    public override bool IsDone => current >= children.Count;
    public override bool IsStarted => current > 0 || (current < children.Count && children[current].IsStarted);

    /// <summary>How many children (from the current one) go on this page, whether the last is partial, and the plan.</summary>
    private (int Count, SpacePlan Plan) Plan(LayoutContext context, float width, float height)
    {
        using var scope = context.Footnotes.BeginMeasure();
        float used = 0, notes = 0;
        usedAfter.Clear();
        notesAfter.Clear();
        int count = 0;
        SpacePlan? stop = null;
        for (int j = current; j < children.Count; j++)
        {
            var child = children[j];
            float gap = count == 0 ? 0 : Math.Max(children[j - 1].SpaceAfter, child.SpaceBefore);
            float available = height - used - notes - gap;
            var plan = available < 0 ? SpacePlan.Nothing("no space left")
                : child is PageBreakElement && count == 0 && IsPageBody && !context.PageHasContent ? SpacePlan.All(0)
                : child.Measure(context, width, available);
            if (plan.Kind == PlanKind.Nothing)
            {
                stop = plan;
                break;
            }
            used += gap + plan.Height;
            notes += plan.FootnoteHeight;
            usedAfter.Add(used);
            notesAfter.Add(notes);
            count++;
            if (plan.Kind == PlanKind.Partial)
                return (count, SpacePlan.Partial(used, notes));
        }
        if (stop is null)
            return (count, SpacePlan.All(used, notes));

        // The page ends before child current+count: do not leave a heading as the last thing on it.
        if (!context.Relaxed)
            while (count > 0 && children[current + count - 1].KeepWithNext)
                count--;
        if (IsPageBody && !context.Relaxed)
            count = AvoidLoneTrailingLine(context, width, height, count);
        if (count == 0)
            return (0, SpacePlan.Nothing(stop.Value.Reason ?? "nothing fits"));
        return (count, SpacePlan.Partial(usedAfter[count - 1], notesAfter[count - 1]));
    }

    /// <summary>
    /// When the next page would start with one short line that ends its section (it is followed by the end
    /// of the document, a page break or the next heading), with only headings before it, the block before
    /// them goes over too, if it is no more than a third of the page, so the line does not stand alone.
    /// </summary>
    private int AvoidLoneTrailingLine(LayoutContext context, float width, float height, int count)
    {
        int first = current + count;
        int lines = 0;
        bool seenText = false;
        for (int j = first; j < children.Count && children[j] is not PageBreakElement; j++)
        {
            if (children[j].KeepWithNext)
            {
                if (seenText)
                    break;
                continue;
            }
            if (children[j] is not TextBlockElement text || (lines += text.RemainingLines(context, width)) > 1)
                return count;
            seenText = true;
        }
        if (lines != 1 || count < 2)
            return count;
        int pulled = count - 1;
        float blockHeight = usedAfter[pulled] - (pulled > 0 ? usedAfter[pulled - 1] : 0);
        if (blockHeight > height / 3)
            return count;
        while (pulled > 0 && children[current + pulled - 1].KeepWithNext)
            pulled--;
        return pulled;
    }

    public override SpacePlan Measure(LayoutContext context, float width, float height) =>
        Plan(context, width, height).Plan;

    public override float Draw(LayoutContext context, float x, float y, float width, float height)
    {
        var (count, plan) = Plan(context, width, height);
        if (!plan.Fits)
            return 0;
        float top = y;
        float notesAtStart = context.Footnotes.Height;
        int end = current + count;
        for (int j = current; j < end; j++)
        {
            var child = children[j];
            if (j > current)
                y += Math.Max(children[j - 1].SpaceAfter, child.SpaceBefore);
            float available = height - (y - top) - (context.Footnotes.Height - notesAtStart);
            y += child.Draw(context, x, y, width, available);
            if (!child.IsDone)
            {
                current = j;
                return y - top;
            }
        }
        current = end;
        return y - top;
    }

    public override void Reset()
    {
        current = 0;
        foreach (var child in children)
            child.Reset();
    }
}
