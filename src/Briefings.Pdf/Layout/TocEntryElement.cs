using Briefings.Pdf.Text;
using SkiaSharp;

namespace Briefings.Pdf.Layout;

/// <summary>
/// One contents entry: the heading text, dot leaders and the page number where the heading landed (drawn
/// once every page is laid out); the whole entry links to the heading. Never split.
/// </summary>
internal sealed class TocEntryElement(string targetId, TextBlockElement title, TextStyle numberStyle, float indent) : Element
{
    private const float NumberWidth = 34;
    private bool done;

    public override bool IsDone => done;
    public override bool IsStarted => done;

    private float TitleWidth(float width) => width - indent - NumberWidth - 8;

    public override SpacePlan Measure(LayoutContext context, float width, float height)
    {
        if (done)
            return SpacePlan.All(0);
        float needed = title.LayoutFor(context, TitleWidth(width)).Height;
        return needed <= height + 0.01f ? SpacePlan.All(needed) : SpacePlan.Nothing("a contents entry is never split");
    }

    /// <summary>The tagged-PDF structure element of the entry (a Link inside a TOCI).</summary>
    public Serialization.StructureElement? Structure { get; init; }

    public override float Draw(LayoutContext context, float x, float y, float width, float height)
    {
        if (done || !Measure(context, width, height).Fits)
            return 0;
        var layout = title.LayoutFor(context, TitleWidth(width));
        var canvas = context.Canvas;
        if (canvas is not null)
        {
            canvas.BeginStructure(Structure);
            float lineY = layout.Draw(canvas, x + indent, y);
            var last = layout.Lines[^1];
            float baseline = lineY - last.Height + last.Baseline;
            float titleEnd = x + indent + last.Right;
            canvas.Sk.DrawLinkDestinationAnnotation(new SKRect(x, y, x + width, lineY), targetId);
            canvas.EndStructure(Structure, false);
            // The page number is known once every page is laid out: the entry is completed then.
            context.DrawWhenNumbered((numbered, page) => DrawNumber(numbered, page, x + width, titleEnd, baseline));
        }
        done = true;
        context.PageHasContent = true;
        return layout.Height;
    }

    /// <summary>The page number, right-aligned at right on the title's last baseline, with dot leaders from the title's end.</summary>
    private void DrawNumber(LayoutContext context, Rendering.PageCanvas canvas, float right, float titleEnd, float baseline)
    {
        canvas.BeginStructure(Structure);
        string page = context.KnownAnchors.TryGetValue(targetId, out var anchor) ? anchor.Page.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        var number = context.Fonts.Shape(numberStyle.Family, numberStyle.Bold, numberStyle.Italic, page);
        float numberX = right - number.Width * numberStyle.Size;
        TextLayout.DrawShaped(canvas, number, numberStyle, numberX, baseline);

        var dot = context.Fonts.Shape(numberStyle.Family, false, false, ".");
        canvas.BeginArtifact(); // the dots are decoration: the entry reads "title page"
        TextLayout.DrawLeaders(canvas, dot, numberStyle with { Bold = false, Color = numberStyle.Color.WithAlpha(160) },
            titleEnd + 6, numberX - 6, baseline);
        canvas.EndArtifact();
        canvas.EndStructure(Structure, true);
    }

    public override void Reset() => done = false;
}
