using Briefings.Pdf.Fonts;
using SkiaSharp;

namespace Briefings.Pdf.Rendering;

/// <summary>
/// Draws positioned glyphs as text blobs laid out so that Skia's PDF backend writes them compactly.
/// That backend puts a glyph into the same string as the glyph before it only when its position is
/// exactly (to the bit) where the previous glyph's advance ends; any other glyph gets its own "Td"
/// positioning operator: some twenty bytes of content stream per glyph, each number formatted and
/// then compressed. At a point size its advance sums (size / units-per-em times font units) cannot in
/// general be matched by any float position, so text is drawn in font units instead: the canvas is
/// scaled by size / units-per-em and the font set at units-per-em, which makes every advance a whole
/// number and every sum exact. A glyph within a hair (0.02 pt) of where the previous glyph's advance
/// ends is placed exactly there; kerned pairs, stretched spaces, new lines and marks keep their own
/// position (and their Td), rounded to whole font units so the numbers stay short.
/// Glyphs are collected across lines until the colour or scale changes or something else is drawn
/// (see <see cref="PageCanvas.Sk"/>): Skia starts a text object (BT, font, matrix, ET) for every run,
/// so one run for a paragraph or a table row costs a Td per line instead.
/// </summary>
internal sealed class GlyphRunBuilder
{
    /// <summary>How far (points) a glyph may move to join the string before it: far below anything visible or printable.</summary>
    private const float Tolerance = 0.02f;

    private ushort[] glyphs = new ushort[256];
    private SKPoint[] points = new SKPoint[256];
    private int count;

    // The blob being built: its colour, scale (points per font unit) and origin on the page (font units).
    private bool open, originPending;
    private SKColor colour;
    private float scale, inverseScale, blobX, blobY;

    // The run being built within it: font, and what Skia's positioner will know on reaching the next
    // glyph, namely where its last Td put the text origin (font units from the blob origin) and the advances added since.
    private SKFont? font;
    private float[] advances = [];
    private float originX, originY, advance;

    /// <summary>Adds a shaped run at size (points) with its pen at (penX, baseline) on the page.</summary>
    public void Add(PageCanvas canvas, ShapedRun run, float size, SKColor glyphColour, float penX, float baseline)
    {
        var ids = run.Glyphs;
        if (ids.Length == 0)
            return;
        Begin(canvas, run.Face, size, glyphColour, ids.Length);
        var xs = run.X;
        var ys = run.Y;
        for (int g = 0; g < ids.Length; g++)
            Place(ids[g], penX + xs[g] * size, baseline + ys[g] * size);
    }

    /// <summary>Adds one glyph of face at size (points) with its origin at (x, y) on the page.</summary>
    public void Add(PageCanvas canvas, FontFace face, float size, SKColor glyphColour, ushort glyph, float x, float y)
    {
        Begin(canvas, face, size, glyphColour, 1);
        Place(glyph, x, y);
    }

    /// <summary>Readies the blob and run for glyphs of face at size in a colour, with room for more glyphs.</summary>
    private void Begin(PageCanvas canvas, FontFace face, float size, SKColor glyphColour, int more)
    {
        float glyphScale = size / face.UnitsPerEm;
        if (open && (glyphColour != colour || glyphScale != scale))
            Draw(canvas);
        var runFont = canvas.Fonts.UnitFont(face);
        if (!open)
        {
            open = true;
            colour = glyphColour;
            scale = glyphScale;
            inverseScale = 1 / glyphScale;
            // The blob origin is set by its first glyph (see Place).
            originPending = true;
            font = null;
        }
        if (runFont != font)
        {
            EndRun(canvas.Fonts.BlobBuilder);
            font = runFont;
            advances = face.NominalAdvances;
            originX = originY = advance = 0;
        }
        if (count + more > glyphs.Length)
        {
            int capacity = Math.Max(glyphs.Length * 2, count + more);
            Array.Resize(ref glyphs, capacity);
            Array.Resize(ref points, capacity);
        }
    }

    /// <summary>Places one glyph of the current run, at (x, y) on the page or exactly where Skia expects it.</summary>
    private void Place(ushort glyph, float x, float y)
    {
        float ux = x * inverseScale, uy = y * inverseScale;
        if (originPending)
        {
            // The blob origin on whole font units too; this first glyph joins it within the tolerance.
            originPending = false;
            blobX = MathF.Round(ux);
            blobY = MathF.Round(uy);
        }
        ux -= blobX;
        uy -= blobY;
        if (glyph >= advances.Length)
        {
            // Skia skips a glyph the font does not have without moving on.
            Append(glyph, ux, uy);
            return;
        }
        if (MathF.Abs(uy - originY) * scale > Tolerance || !TryJoin(ref ux))
        {
            // Whole font units (a hundredth of a point at text sizes): short numbers, exact sums after.
            ux = MathF.Round(ux);
            uy = MathF.Round(uy);
            originX = ux;
            originY = uy;
            advance = 0;
        }
        else
            uy = originY;
        advance += advances[glyph];
        Append(glyph, ux, uy);
    }

    /// <summary>Moves x (font units) onto the end of the current string when that is within the tolerance.</summary>
    private bool TryJoin(ref float x)
    {
        float exact = originX + advance;
        if (MathF.Abs(x - exact) * scale > Tolerance || exact - originX != advance)
            return false;
        x = exact;
        return true;
    }

    private void Append(ushort glyph, float x, float y)
    {
        glyphs[count] = glyph;
        points[count] = new SKPoint(x, y);
        count++;
    }

    private void EndRun(SKTextBlobBuilder builder)
    {
        if (font is not null && count > 0)
        {
            var buffer = builder.AllocatePositionedRun(font, count);
            buffer.SetGlyphs(glyphs.AsSpan(0, count));
            buffer.SetPositions(points.AsSpan(0, count));
        }
        count = 0;
        font = null;
    }

    /// <summary>Draws what has been collected. Text with the same size keeps the same canvas matrix, so Skia writes no matrix change between blobs.</summary>
    public void Draw(PageCanvas canvas)
    {
        if (!open)
            return;
        open = false;
        var builder = canvas.Fonts.BlobBuilder;
        EndRun(builder);
        using var blob = builder.Build();
        if (blob is null)
            return;
        var sk = canvas.Raw;
        sk.Save();
        sk.Scale(scale);
        sk.DrawText(blob, blobX, blobY, canvas.TextPaint(colour));
        sk.Restore();
    }
}
