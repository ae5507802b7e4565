using Briefings.Documents;
using Briefings.Pdf.Rendering;
using Briefings.Pdf.Serialization;
using Briefings.Pdf.Text;
using SkiaSharp;

namespace Briefings.Pdf.Layout;

/// <summary>
/// A figure's drawing, as vector content: its display list (<see cref="Drawing"/>) replayed in order, paths
/// filled and stroked, text shaped and drawn in the theme's fonts (so it stays selectable). Scaled to the
/// figure's size within the text width; never split between pages.
/// </summary>
internal sealed class FigureElement(Figure figure, PdfStyles styles, StructureElement? structure) : Element
{
    private bool done;

    /// <summary>
    /// The figure followed by its caption, kept on one page: tagged as a Figure element whose content is the
    /// drawing (its text included) and whose alternative text is the figure's, then a Caption element.
    /// </summary>
    public static Element WithCaption(Figure figure, PdfStyles styles, StructureElement parent)
    {
        var tag = new StructureElement(StructureRoles.Figure, parent) { Alt = figure.AltText, GraphicsAreContent = true };
        var drawing = new FigureElement(figure, styles, tag);
        if (string.IsNullOrWhiteSpace(figure.Caption))
            return new KeepTogetherElement(new ColumnElement([drawing]) { SpaceBefore = 6, SpaceAfter = styles.ParagraphSpacing + 4 });
        var captionStyle = styles.Body with { Size = (float)styles.Theme.Fonts.FootnoteSize + 1, Color = styles.Muted, Italic = true };
        var caption = new TextBlockElement([new TextSpan(figure.Caption, captionStyle)], Documents.TextAlignment.Left, styles.LineHeight)
        {
            Splittable = false,
            Structure = new StructureElement(StructureRoles.Caption, parent),
        };
        return new KeepTogetherElement(new ColumnElement([drawing, caption]) { SpaceBefore = 6, SpaceAfter = styles.ParagraphSpacing + 4 });
    }

    public override bool IsDone => done;
    public override bool IsStarted => done;

    private const float CaptionGap = 4;

    public override SpacePlan Measure(LayoutContext context, float width, float height)
    {
        if (done)
            return SpacePlan.All(0);
        var (_, h) = figure.Size.Resolve(width);
        return h + CaptionGap <= height + 0.01f ? SpacePlan.All((float)h + CaptionGap) : SpacePlan.Nothing("the figure is taller than the space left");
    }

    public override float Draw(LayoutContext context, float x, float y, float width, float height)
    {
        var plan = Measure(context, width, height);
        if (!plan.Fits || done)
            return 0;
        var (w, h) = figure.Size.Resolve(width);
        if (context.Canvas is { } canvas)
        {
            canvas.BeginStructure(structure);
            canvas.BeginGraphics();
            Replay(context, canvas, x, y, (float)w, (float)h);
            canvas.EndStructure(structure, true);
        }
        done = true;
        context.PageHasContent = true;
        return plan.Height;
    }

    /// <summary>Replays the display list into a box (x, y, w, h), the drawing scaled to fit its width and centred in its height.</summary>
    private void Replay(LayoutContext context, PageCanvas canvas, float x, float y, float w, float h)
    {
        var drawing = figure.Drawing;
        float scale = (float)Math.Min(w / drawing.Width, h / drawing.Height);
        float left = x + (w - (float)drawing.Width * scale) / 2, top = y + (h - (float)drawing.Height * scale) / 2;
        var matrix = SKMatrix.CreateScaleTranslation(scale, scale, left, top);
        foreach (var item in drawing.Items)
        {
            bool clipped = item.Clip is not null;
            if (item.Clip is { } clip)
            {
                var box = matrix.MapRect(new SKRect((float)clip.X, (float)clip.Y, (float)(clip.X + clip.Width), (float)(clip.Y + clip.Height)));
                canvas.Content.BeginClip(box.Left, box.Top, box.Width, box.Height);
            }
            switch (item)
            {
                case DrawingPath path:
                    DrawPath(canvas, path, matrix, scale);
                    break;
                case DrawingText text:
                    DrawText(context, canvas, text, matrix, scale);
                    break;
            }
            if (clipped)
                canvas.Content.EndClip();
        }
    }

    private static void DrawPath(PageCanvas canvas, DrawingPath item, SKMatrix matrix, float scale)
    {
        bool fill = item.Fill is not null, stroke = item.Stroke is not null && item.StrokeWidth > 0;
        if (!fill && !stroke || item.Segments.Count == 0)
            return;
        canvas.BeginGraphics();
        var content = canvas.Content;
        content.BeginPath(
            fill && stroke ? PathPaint.FillAndStroke : fill ? PathPaint.Fill : PathPaint.Stroke,
            fill ? PdfStyles.Colour(item.Fill!) : default,
            stroke ? PdfStyles.Colour(item.Stroke!) : default,
            (float)item.StrokeWidth * scale);
        SKPoint At(double px, double py) => matrix.MapPoint((float)px, (float)py);
        foreach (var s in item.Segments)
        {
            switch (s.Verb)
            {
                case PathVerb.Move:
                {
                    var p = At(s.X, s.Y);
                    content.MoveTo(p.X, p.Y);
                    break;
                }
                case PathVerb.Line:
                {
                    var p = At(s.X, s.Y);
                    content.LineTo(p.X, p.Y);
                    break;
                }
                case PathVerb.Cubic:
                {
                    var (c1, c2, p) = (At(s.X1, s.Y1), At(s.X2, s.Y2), At(s.X, s.Y));
                    content.CurveTo(c1.X, c1.Y, c2.X, c2.Y, p.X, p.Y);
                    break;
                }
                case PathVerb.Close:
                    content.ClosePath();
                    break;
            }
        }
        content.EndPath();
    }

    private void DrawText(LayoutContext context, PageCanvas canvas, DrawingText item, SKMatrix matrix, float scale)
    {
        var family = item.Font == FontRole.Heading ? styles.Fonts.Heading : styles.Fonts.Body;
        var style = new TextStyle(family, (float)item.Size * scale, PdfStyles.Colour(item.Colour), Bold: item.Bold);
        var layout = TextLayout.Create([new TextSpan(item.Text, style)], 100_000, Documents.TextAlignment.Left, 1.2f, context.Fonts, context.Problems, context.Hyphenator);
        if (layout.Lines.Count == 0)
            return;
        var line = layout.Lines[0];
        var at = matrix.MapPoint((float)item.X, (float)item.Y);
        float left = item.Anchor switch
        {
            TextAnchor.Middle => at.X - line.Right / 2,
            TextAnchor.End => at.X - line.Right,
            _ => at.X,
        };
        TextLayout.DrawLine(canvas, line, left, at.Y - line.Baseline);
    }

    public override void Reset() => done = false;
}
