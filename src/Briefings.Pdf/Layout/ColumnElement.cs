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
    // The footnote reservation mark before each child was measured, to roll back a child that moves to the next page.
    private readonly List<int> marks = [];
    /// <summary>The height the last child placed by the plan is given (less than the space left when it must leave lines for the next page).</summary>
    private float lastChildCap = float.PositiveInfinity;

    public IReadOnlyList<Element> Children => children;
    /// <summary>The body column of the page: a page break at the very top of a page is then a no-op.</summary>
    public bool IsPageBody { get; init; }
    public override bool IsDone => current >= children.Count;
    public override bool IsStarted => current > 0 || (current < children.Count && children[current].IsStarted);

    /// <summary>What the last plan was made for and its answer: Draw reuses it when nothing has changed since Measure made it.</summary>
    private readonly record struct PlanKey(int Current, float Width, float Height, int Page, bool Relaxed, bool PageHasContent, int NotesOnPage, int Reserved);
    private PlanKey? lastKey;
    private (int Count, SpacePlan Plan) lastPlan;

    private PlanKey KeyFor(LayoutContext context, float width, float height) =>
        new(current, width, height, context.PageNumber, context.Relaxed, context.PageHasContent, context.Footnotes.OnPage.Count, context.Footnotes.ReservedMark);

    /// <summary>How many children (from the current one) go on this page, whether the last is partial, and the plan.</summary>
    private (int Count, SpacePlan Plan) Plan(LayoutContext context, float width, float height)
    {
        var key = KeyFor(context, width, height);
        lastKey = null;
        var plan = MakePlan(context, width, height);
        lastKey = key;
        lastPlan = plan;
        return plan;
    }

    private (int Count, SpacePlan Plan) MakePlan(LayoutContext context, float width, float height)
    {
        using var scope = context.Footnotes.BeginMeasure();
        float used = 0, notes = 0;
        usedAfter.Clear();
        notesAfter.Clear();
        marks.Clear();
        lastChildCap = float.PositiveInfinity;
        int count = 0;
        SpacePlan? stop = null;
        for (int j = current; j < children.Count; j++)
        {
            var child = children[j];
            float gap = count == 0 ? 0 : Math.Max(children[j - 1].SpaceAfter, child.SpaceBefore);
            float available = height - used - notes - gap;
            marks.Add(context.Footnotes.ReservedMark);
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
            {
                if (IsPageBody && !context.Relaxed)
                    return KeepTrailingFragment(context, width, height, count, lastPartial: true) ?? (count, SpacePlan.Partial(used, notes));
                return (count, SpacePlan.Partial(used, notes));
            }
        }
        if (stop is null)
            return (count, SpacePlan.All(used, notes));

        // The page ends before child current+count: do not leave a heading as the last thing on it.
        if (!context.Relaxed)
            while (count > 0 && children[current + count - 1].KeepWithNext)
                count--;
        if (count > 0 && IsPageBody && !context.Relaxed && KeepTrailingFragment(context, width, height, count, lastPartial: false) is { } kept)
            return kept;
        if (count == 0)
            return (0, SpacePlan.Nothing(stop.Value.Reason ?? "nothing fits"));
        return (count, SpacePlan.Partial(usedAfter[count - 1], notesAfter[count - 1]));
    }

    /// <summary>Lines of body text the end of a section keeps together on a new page (fewer go over with what precedes them).</summary>
    public const int MinTrailingLines = 3;

    /// <summary>
    /// The end of a section is not carried to a new page as a fragment of fewer than MinTrailingLines lines of
    /// body text (the last lines of a paragraph, a short paragraph, a one-line list) when the section began on
    /// an earlier page: the paragraph before the break leaves more of its lines for the next page (keeping two
    /// here), or, if it cannot, goes over whole when it is no taller than a third of the page. A short section
    /// that starts on the next page with its heading is only helped when it is a single line (the block before
    /// its heading goes over with it). Null when nothing changes.
    /// </summary>
    private (int Count, SpacePlan Plan)? KeepTrailingFragment(LayoutContext context, float width, float height, int count, bool lastPartial)
    {
        int last = current + count - 1;
        float fragment = 0;
        bool headed = false;
        if (lastPartial)
        {
            if (children[last] is not TextBlockElement split || !split.Splittable)
                return null;
            fragment = split.RemainingHeight(context, width) - PartHeight(count - 1);
        }
        float bodyLine = (float)(context.Theme.Fonts.BodySize * context.Theme.Fonts.LineHeight);
        bool seenContent = lastPartial;
        int mark = context.Footnotes.ReservedMark;
        try
        {
            for (int j = last + 1; j < children.Count && children[j] is not PageBreakElement; j++)
            {
                if (children[j].KeepWithNext)
                {
                    if (seenContent)
                        break; // the next section starts
                    headed = true;
                    continue;
                }
                seenContent = true;
                var whole = children[j].Measure(context, width, context.BodyHeight);
                if (whole.Kind != PlanKind.All)
                    return null;
                fragment += whole.Height;
                if (fragment > (MinTrailingLines - 0.5f) * bodyLine)
                    return null;
            }
        }
        finally
        {
            context.Footnotes.RollBackTo(mark);
        }
        // Short: under two and a half lines (a heading's section: a single line).
        if (fragment <= 0 || fragment > ((headed ? 2 : MinTrailingLines) - 0.5f) * bodyLine)
            return null;

        // The paragraph that ends the page leaves more of its lines for the next one.
        if (!headed && children[last] is TextBlockElement paragraph && paragraph.Splittable)
        {
            var lines = paragraph.UndrawnLines(context, width);
            int here = lastPartial ? LinesIn(lines, PartHeight(count - 1)) : lines.Count;
            int minHere = paragraph.IsStarted ? 1 : 2;
            float carried = fragment;
            for (int keep = here - 1; keep >= minHere; keep--)
            {
                carried += lines[keep].Height;
                int over = lines.Count - keep;
                if (over < 2 || carried < (MinTrailingLines - 0.5f) * bodyLine)
                    continue;
                context.Footnotes.RollBackTo(marks[count - 1]);
                float cap = paragraph.HeightOfNext(context, keep) + 0.005f;
                var plan = paragraph.Measure(context, width, cap);
                if (plan.Kind != PlanKind.Partial)
                    return null;
                lastChildCap = cap;
                float before = count > 1 ? usedAfter[count - 2] + Math.Max(children[last - 1].SpaceAfter, paragraph.SpaceBefore) : 0;
                float notesBefore = count > 1 ? notesAfter[count - 2] : 0;
                return (count, SpacePlan.Partial(before + plan.Height, notesBefore + plan.FootnoteHeight));
            }
        }

        // Otherwise the block before goes over whole (with the headings before it), if it is not too tall.
        int pulled = count - 1;
        if (pulled == 0 || PartHeight(pulled) > height / 3)
            return null;
        while (pulled > 0 && children[current + pulled - 1].KeepWithNext)
            pulled--;
        if (pulled == 0)
            return null;
        context.Footnotes.RollBackTo(marks[pulled]);
        return (pulled, SpacePlan.Partial(usedAfter[pulled - 1], notesAfter[pulled - 1]));
    }

    /// <summary>The body height the index-th child placed by the last plan takes (without the gap before it).</summary>
    private float PartHeight(int index)
    {
        if (index == 0)
            return usedAfter[0];
        var child = children[current + index];
        return usedAfter[index] - usedAfter[index - 1] - Math.Max(children[current + index - 1].SpaceAfter, child.SpaceBefore);
    }

    /// <summary>How many of the lines add up to height.</summary>
    private static int LinesIn(IReadOnlyList<Text.TextLine> lines, float height)
    {
        int n = 0;
        float sum = 0;
        while (n < lines.Count && sum + lines[n].Height <= height + 0.01f)
            sum += lines[n++].Height;
        return n;
    }

    public override SpacePlan Measure(LayoutContext context, float width, float height) =>
        Plan(context, width, height).Plan;

    public override float Draw(LayoutContext context, float x, float y, float width, float height)
    {
        // Measured just before in the same space with nothing drawn since (the page loop measures, then draws):
        // the children are not measured again.
        var (count, plan) = lastKey == KeyFor(context, width, height) ? lastPlan : Plan(context, width, height);
        lastKey = null;
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
            if (j == end - 1)
                available = Math.Min(available, lastChildCap);
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
        lastKey = null;
        foreach (var child in children)
            child.Reset();
    }
}
