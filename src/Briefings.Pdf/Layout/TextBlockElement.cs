using Briefings.Documents;
using Briefings.Pdf.Text;
using SkiaSharp;

namespace Briefings.Pdf.Layout;

/// <summary>
/// A paragraph or heading: lines of text that may split between pages, keeping at least two lines on
/// each side of a split (no orphans, no widows). The line layout is computed once per width.
/// </summary>
internal sealed class TextBlockElement(IReadOnlyList<TextSpan> spans, TextAlignment alignment, float lineHeight) : Element
{
    private TextLayout? layout;
    private float layoutWidth = -1;
    private int nextLine;

    /// <summary>Named destination placed at the first line (headings: contents, outline and links point here).</summary>
    public string? AnchorId { get; init; }
    /// <summary>False for headings: they move to the next page whole.</summary>
    public bool Splittable { get; init; } = true;
    /// <summary>The tagged-PDF structure element the text belongs to (null: the enclosing one's, or an artifact).</summary>
    public Serialization.StructureElement? Structure { get; init; }
    /// <summary>A rule drawn under the last line (top-level headings).</summary>
    public SKColor? RuleBelow { get; init; }

    private const float RuleSpace = 5;

    public override bool IsDone => layout is not null && nextLine >= layout.Lines.Count;
    public override bool IsStarted => nextLine > 0;

    /// <summary>The text shaped and split into tokens once; every layout and the content widths start from them.</summary>
    private IReadOnlyList<Token>? tokens;
    private (float Min, float Max)? contentWidths;

    private IReadOnlyList<Token> TokensOf(LayoutContext context) => tokens ??= TextLayout.Tokens(spans, context.Fonts, context.Problems);

    /// <summary>Narrowest and preferred widths of the text (see TextLayout.ContentWidths), measured once.</summary>
    public (float Min, float Max) ContentWidths(LayoutContext context) => contentWidths ??= TextLayout.ContentWidths(TokensOf(context));

    /// <summary>The layout at the width last asked for (null before the first).</summary>
    public TextLayout? CurrentLayout => layout;

    public TextLayout LayoutFor(LayoutContext context, float width)
    {
        if (layout is null || Math.Abs(layoutWidth - width) > 0.001f)
        {
            layout = TextLayout.Create(TokensOf(context), width, alignment, lineHeight, context.Fonts, context.Hyphenator);
            layoutWidth = width;
        }
        return layout;
    }

    /// <summary>Lines not yet drawn at this width.</summary>
    public int RemainingLines(LayoutContext context, float width) => LayoutFor(context, width).Lines.Count - nextLine;

    /// <summary>The lines not yet drawn at this width, in order.</summary>
    public IReadOnlyList<TextLine> UndrawnLines(LayoutContext context, float width)
    {
        var lines = LayoutFor(context, width).Lines;
        return nextLine == 0 ? lines : lines.Skip(nextLine).ToList();
    }

    /// <summary>Height of the lines not yet drawn at this width (with the rule below, if any).</summary>
    public float RemainingHeight(LayoutContext context, float width) =>
        UndrawnLines(context, width).Sum(l => l.Height) + (RuleBelow is null ? 0 : RuleSpace);

    /// <summary>
    /// The space the next count lines (at the width last laid out) take with the notes they would bring now:
    /// measured in exactly that space, the block places those lines and no more.
    /// </summary>
    public float HeightOfNext(LayoutContext context, int count)
    {
        var lines = layout!.Lines;
        float height = 0;
        HashSet<int>? pending = null;
        for (int k = nextLine; k < Math.Min(lines.Count, nextLine + count); k++)
        {
            height += lines[k].Height;
            if (lines[k].Footnotes.Length > 0)
                height += context.Footnotes.CostOf(lines[k].Footnotes, pending ??= []);
        }
        return height;
    }

    public override SpacePlan Measure(LayoutContext context, float width, float height)
    {
        var (plan, _) = Plan(context, width, height);
        return plan;
    }

    private (SpacePlan Plan, int Lines) Plan(LayoutContext context, float width, float height)
    {
        var lines = LayoutFor(context, width).Lines;
        int remaining = lines.Count - nextLine;
        if (remaining <= 0)
            return (SpacePlan.All(0), 0);

        float extra = RuleBelow is null ? 0 : RuleSpace;
        HashSet<int>? pending = null;
        float used = 0, notes = 0;
        int fit = 0;
        for (int k = nextLine; k < lines.Count; k++)
        {
            var line = lines[k];
            float cost = line.Footnotes.Length == 0 ? 0 : context.Footnotes.CostOf(line.Footnotes, pending ??= []);
            float bottom = k == lines.Count - 1 ? extra : 0;
            if (used + line.Height + bottom + notes + cost > height + 0.01f)
                break;
            used += line.Height;
            notes += cost;
            fit++;
        }

        if (fit == remaining)
        {
            Reserve(context, lines, fit);
            return (SpacePlan.All(used + extra, notes), fit);
        }
        if (fit == 0)
            return (SpacePlan.Nothing("not even one line fits"), 0);
        if (!context.Relaxed)
        {
            if (!Splittable)
                return (SpacePlan.Nothing("a heading is never split"), 0);
            if (nextLine == 0 && fit < 2)
                return (SpacePlan.Nothing("fewer than two lines fit before the page ends (orphan)"), 0);
            if (remaining - fit < 2)
            {
                fit = remaining - 2;
                if (fit < 1 || (nextLine == 0 && fit < 2))
                    return (SpacePlan.Nothing("the split would leave fewer than two lines on the next page (widow)"), 0);
            }
        }

        used = 0;
        notes = 0;
        pending = null;
        for (int k = nextLine; k < nextLine + fit; k++)
        {
            used += lines[k].Height;
            if (lines[k].Footnotes.Length > 0)
                notes += context.Footnotes.CostOf(lines[k].Footnotes, pending ??= []);
        }
        Reserve(context, lines, fit);
        return (SpacePlan.Partial(used, notes), fit);
    }

    private void Reserve(LayoutContext context, IReadOnlyList<TextLine> lines, int count)
    {
        for (int k = nextLine; k < nextLine + count; k++)
            if (lines[k].Footnotes.Length > 0)
                context.Footnotes.Reserve(lines[k].Footnotes);
    }

    public override float Draw(LayoutContext context, float x, float y, float width, float height)
    {
        var (plan, count) = Plan(context, width, height);
        if (!plan.Fits)
            return 0;
        var lines = layout!.Lines;
        if (nextLine == 0 && AnchorId is not null)
            context.MarkAnchor(AnchorId, x, y);
        float top = y;
        context.Canvas?.BeginStructure(Structure);
        for (int k = nextLine; k < nextLine + count; k++)
        {
            var line = lines[k];
            if (line.Footnotes.Length > 0)
                context.Footnotes.Place(line.Footnotes);
            if (context.Canvas is not null)
                TextLayout.DrawLine(context.Canvas, line, x, y);
            y += line.Height;
        }
        nextLine += count;
        context.Canvas?.EndStructure(Structure, IsDone);
        context.PageHasContent |= count > 0;
        if (IsDone && RuleBelow is { } colour)
        {
            if (context.Canvas is not null)
            {
                context.Canvas.Sk.DrawLine(x, y + RuleSpace / 2, x + width, y + RuleSpace / 2, context.Canvas.Paint(colour, 0.75f));
            }
            y += RuleSpace;
        }
        return y - top;
    }

    public override void Reset() => nextLine = 0;
}
