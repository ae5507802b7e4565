using Briefings.Documents;
using Briefings.Pdf.Rendering;
using Briefings.Pdf.Text;
using SkiaSharp;

namespace Briefings.Pdf.Layout;

/// <summary>
/// A figure's drawing, as vector content: its display list (<see cref="Drawing"/>) replayed in order, paths
/// filled and stroked, text shaped and drawn in the theme's fonts (so it stays selectable). Scaled to the
/// figure's size within the text width; never split between pages.
/// </summary>
internal sealed class FigureElement(Figure figure, PdfStyles styles) : Element
{
    private bool done;

    /// <summary>The figure followed by its caption, kept on one page.</summary>
    public static Element WithCaption(Figure figure, PdfStyles styles)
    {
        var drawing = new FigureElement(figure, styles);
        if (string.IsNullOrWhiteSpace(figure.Caption))
            return new KeepTogetherElement(new ColumnElement([drawing]) { SpaceBefore = 6, SpaceAfter = styles.ParagraphSpacing + 4 });
        var captionStyle = styles.Body with { Size = (float)styles.Theme.Fonts.FootnoteSize + 1, Color = styles.Muted, Italic = true };
        var caption = new TextBlockElement([new TextSpan(figure.Caption, captionStyle)], Documents.TextAlignment.Left, styles.LineHeight) { Splittable = false };
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
            Replay(context, canvas, x, y, (float)w, (float)h);
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
                canvas.FlushText();
                canvas.Sk.Save();
                canvas.Sk.ClipRect(matrix.MapRect(new SKRect((float)clip.X, (float)clip.Y, (float)(clip.X + clip.Width), (float)(clip.Y + clip.Height))));
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
            {
                canvas.FlushText();
                canvas.Sk.Restore();
            }
        }
    }

    private static void DrawPath(PageCanvas canvas, DrawingPath item, SKMatrix matrix, float scale)
    {
        using var path = new SKPath();
        foreach (var s in item.Segments)
        {
            switch (s.Verb)
            {
                case PathVerb.Move: path.MoveTo((float)s.X, (float)s.Y); break;
                case PathVerb.Line: path.LineTo((float)s.X, (float)s.Y); break;
                case PathVerb.Cubic: path.CubicTo((float)s.X1, (float)s.Y1, (float)s.X2, (float)s.Y2, (float)s.X, (float)s.Y); break;
                case PathVerb.Close: path.Close(); break;
            }
        }
        path.Transform(matrix);
        if (item.Fill is { } fill)
            canvas.Sk.DrawPath(path, canvas.Paint(PdfStyles.Colour(fill)));
        if (item.Stroke is { } stroke && item.StrokeWidth > 0)
            canvas.Sk.DrawPath(path, canvas.Paint(PdfStyles.Colour(stroke), (float)item.StrokeWidth * scale, SKPaintStyle.Stroke));
    }

    private void DrawText(LayoutContext context, PageCanvas canvas, DrawingText item, SKMatrix matrix, float scale)
    {
        var family = item.Font == FontRole.Heading ? styles.Fonts.Heading : styles.Fonts.Body;
        var style = new TextStyle(family, (float)item.Size * scale, PdfStyles.Colour(item.Colour), Bold: item.Bold);
        var layout = TextLayout.Create([new TextSpan(item.Text, style)], 100_000, Documents.TextAlignment.Left, 1.2f, context.Fonts, context.Problems);
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
