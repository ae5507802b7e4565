using SkiaSharp;

namespace Briefings.Pdf.Layout;

/// <summary>
/// Side-by-side cells (a list marker and its item, a term and its definition). Widths come from a function
/// of the row width. The row continues on the next page while any cell has content left.
/// </summary>
internal sealed class RowElement(IReadOnlyList<Element> cells, Func<float, float[]> widths) : Element
{
    public override bool IsDone => cells.All(c => c.IsDone);
    public override bool IsStarted => cells.Any(c => c.IsStarted);

    public override SpacePlan Measure(LayoutContext context, float width, float height) =>
        MeasureSideBySide(context, cells, widths(width), 0, height).Plan;

    public override float Draw(LayoutContext context, float x, float y, float width, float height)
    {
        var w = widths(width);
        var (plan, cellHeight) = MeasureSideBySide(context, cells, w, 0, height);
        if (!plan.Fits)
            return 0;
        float tallest = 0, left = x;
        for (int i = 0; i < cells.Count; i++)
        {
            if (!cells[i].IsDone)
                tallest = Math.Max(tallest, cells[i].Draw(context, left, y, w[i], cellHeight));
            left += w[i];
        }
        return tallest;
    }

    public override void Reset()
    {
        foreach (var cell in cells)
            cell.Reset();
    }
}

/// <summary>A box around content: padding, an optional background and a bar on the left (call-outs, quotes).</summary>
internal sealed class BoxElement(Element content) : Element
{
    public float PaddingLeft { get; init; }
    public float PaddingRight { get; init; }
    public float PaddingTop { get; init; }
    public float PaddingBottom { get; init; }
    public SKColor? Background { get; init; }
    public SKColor? BarColour { get; init; }
    public float BarWidth { get; init; } = 3;

    public override bool IsDone => content.IsDone;
    public override bool IsStarted => content.IsStarted;

    private float InnerWidth(float width) => width - PaddingLeft - PaddingRight;

    public override SpacePlan Measure(LayoutContext context, float width, float height)
    {
        var plan = content.Measure(context, InnerWidth(width), height - PaddingTop - PaddingBottom);
        return plan.Kind switch
        {
            PlanKind.Nothing => plan,
            PlanKind.Partial => SpacePlan.Partial(plan.Height + PaddingTop + PaddingBottom, plan.FootnoteHeight),
            _ => SpacePlan.All(plan.Height + PaddingTop + PaddingBottom, plan.FootnoteHeight),
        };
    }

    public override float Draw(LayoutContext context, float x, float y, float width, float height)
    {
        var plan = Measure(context, width, height);
        if (!plan.Fits)
            return 0;
        if (context.Canvas is { } canvas)
        {
            if (Background is { } background)
                canvas.Sk.DrawRect(new SKRect(x, y, x + width, y + plan.Height), canvas.Paint(background, antialias: false));
            if (BarColour is { } bar)
                canvas.Sk.DrawRect(new SKRect(x, y, x + BarWidth, y + plan.Height), canvas.Paint(bar, antialias: false));
        }
        content.Draw(context, x + PaddingLeft, y + PaddingTop, InnerWidth(width), height - PaddingTop - PaddingBottom);
        return plan.Height;
    }

    public override void Reset() => content.Reset();
}

/// <summary>
/// Keeps its content on one page (a call-out, a quote with its attribution, a table of a few rows, a short
/// key–value list): when only part of it fits here and the whole would fit on an empty page, nothing is
/// placed here and it starts on the next page. Content taller than a page splits as usual.
/// </summary>
internal sealed class KeepTogetherElement : Element
{
    private readonly Element content;

    public KeepTogetherElement(Element content)
    {
        this.content = content;
        SpaceBefore = content.SpaceBefore;
        SpaceAfter = content.SpaceAfter;
        KeepWithNext = content.KeepWithNext;
    }

    public Element Content => content;
    public override bool IsDone => content.IsDone;
    public override bool IsStarted => content.IsStarted;

    public override SpacePlan Measure(LayoutContext context, float width, float height)
    {
        int mark = context.Footnotes.ReservedMark;
        var plan = content.Measure(context, width, height);
        if (plan.Kind != PlanKind.Partial || content.IsStarted || context.Relaxed)
            return plan;
        context.Footnotes.RollBackTo(mark);
        var whole = content.Measure(context, width, context.BodyHeight);
        context.Footnotes.RollBackTo(mark);
        if (whole.Kind == PlanKind.All)
            return SpacePlan.Nothing("kept together: it fits whole on the next page");
        // Too tall for any page: split it after all.
        return content.Measure(context, width, height);
    }

    public override float Draw(LayoutContext context, float x, float y, float width, float height) =>
        Measure(context, width, height).Fits ? content.Draw(context, x, y, width, height) : 0;

    public override void Reset() => content.Reset();
}

/// <summary>A horizontal rule across the column.</summary>
internal sealed class RuleElement(SKColor colour) : Element
{
    private const float Height = 12;
    private bool done;

    public override bool IsDone => done;
    public override bool IsStarted => done;

    public override SpacePlan Measure(LayoutContext context, float width, float height) =>
        done ? SpacePlan.All(0) : height >= Height ? SpacePlan.All(Height) : SpacePlan.Nothing("no room for a rule");

    public override float Draw(LayoutContext context, float x, float y, float width, float height)
    {
        if (done || height < Height)
            return 0;
        if (context.Canvas is not null)
        {
            context.Canvas.Sk.DrawLine(x, y + Height / 2, x + width, y + Height / 2, context.Canvas.Paint(colour, 0.75f));
        }
        context.PageHasContent = true;
        done = true;
        return Height;
    }

    public override void Reset() => done = false;
}

/// <summary>Ends the page: measured as "part fits" until drawn, which makes every container stop there.</summary>
internal sealed class PageBreakElement : Element
{
    private bool done;

    public override bool IsDone => done;
    public override bool IsStarted => done;

    public override SpacePlan Measure(LayoutContext context, float width, float height) =>
        done ? SpacePlan.All(0) : SpacePlan.Partial(0);

    public override float Draw(LayoutContext context, float x, float y, float width, float height)
    {
        done = true;
        return 0;
    }

    public override void Reset() => done = false;
}
