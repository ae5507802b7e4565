using Briefings.Pdf.Fonts;
using SkiaSharp;

namespace Briefings.Pdf.Rendering;

/// <summary>
/// A page being drawn: the Skia canvas plus the fonts to draw glyphs with. Text is collected and drawn
/// in as few pieces as possible (see <see cref="GlyphRunBuilder"/>); anything else drawn through
/// <see cref="Sk"/> first draws the text collected so far, so the order of drawing never changes.
/// </summary>
internal sealed class PageCanvas(SKCanvas canvas, FontBinding fonts, int pageNumber)
{
    /// <summary>The Skia canvas, for drawing other than text (pending text is drawn first).</summary>
    public SKCanvas Sk
    {
        get
        {
            Fonts.GlyphRuns.Draw(this);
            return canvas;
        }
    }

    /// <summary>The canvas itself, for the text collector.</summary>
    public SKCanvas Raw => canvas;

    /// <summary>Draws the text collected so far; called before the page ends.</summary>
    public void FlushText() => Fonts.GlyphRuns.Draw(this);

    public int PageNumber { get; } = pageNumber;
    public FontBinding Fonts { get; } = fonts;

    /// <summary>A text paint per colour, shared by every line of the document (paints are only read when drawing).</summary>
    public SKPaint TextPaint(SKColor colour) => Fonts.TextPaint(colour);

    /// <summary>A paint for lines and fills, shared by the whole document (a table draws a rule and a fill per row).</summary>
    public SKPaint Paint(SKColor colour, float strokeWidth = 0, SKPaintStyle style = SKPaintStyle.Fill, bool antialias = true) =>
        Fonts.Paint(colour, strokeWidth, style, antialias);
}

/// <summary>
/// Which Skia font draws a face's glyphs. A census binding records every glyph and character drawn
/// (on a canvas that draws nothing); the subset binding made from it draws with fonts cut down to those.
/// </summary>
internal sealed class FontBinding : IDisposable
{
    private sealed class Usage
    {
        public HashSet<ushort> Glyphs { get; } = [];
        public HashSet<int> CodePoints { get; } = [];
    }

    private readonly Dictionary<FontFace, Usage>? census;
    // Shaped runs come from the shared shaping cache: a word used a thousand times is counted once.
    private readonly HashSet<ShapedRun> counted = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<FontFace, SKTypeface> subsets = [];
    private readonly Dictionary<FontFace, SKFont> fonts = [];
    private readonly Dictionary<(SKColor, float, SKPaintStyle, bool), SKPaint> paints = [];

    public SKPaint Paint(SKColor colour, float strokeWidth, SKPaintStyle style, bool antialias)
    {
        var key = (colour, strokeWidth, style, antialias);
        if (!paints.TryGetValue(key, out var paint))
            paints[key] = paint = new SKPaint { Color = colour, StrokeWidth = strokeWidth, Style = style, IsAntialias = antialias };
        return paint;
    }

    /// <summary>Text is drawn with a plain antialiased fill paint, the same as any other fill of its colour.</summary>
    public SKPaint TextPaint(SKColor colour) => Paint(colour, 0, SKPaintStyle.Fill, true);

    private FontBinding(Dictionary<FontFace, Usage>? census) => this.census = census;

    /// <summary>This binding only counts glyphs: drawing text can stop at <see cref="Record(ShapedText)"/>.</summary>
    public bool IsCensus => census is not null;

    /// <summary>One blob builder for the whole document (building a blob leaves it empty for the next).</summary>
    public SKTextBlobBuilder BlobBuilder { get; } = new();

    public GlyphRunBuilder GlyphRuns { get; } = new();

    /// <summary>Census: notes the glyphs and characters of shaped text that is drawn.</summary>
    public void Record(ShapedText text)
    {
        foreach (var run in text.Runs)
            Record(run);
    }

    private void Record(ShapedRun run)
    {
        if (census is null || !counted.Add(run))
            return;
        if (!census.TryGetValue(run.Face, out var usage))
            census[run.Face] = usage = new Usage();
        foreach (var glyph in run.Glyphs)
            usage.Glyphs.Add(glyph);
        for (int i = 0; i < run.Text.Length; i++)
        {
            int codePoint = CharExtensions.ConvertToUtf32OrReplacement(run.Text, i);
            if (codePoint >= 0x10000) i++;
            usage.CodePoints.Add(codePoint);
        }
    }

    public static FontBinding Census() => new([]);

    /// <summary>Subset fonts for everything the census saw (a face that cannot be subset is embedded whole).</summary>
    public FontBinding Subsets()
    {
        var binding = new FontBinding(null);
        foreach (var (face, usage) in census ?? [])
        {
            var data = FontSubsetter.Subset(face, usage.Glyphs, usage.CodePoints);
            var typeface = data is null ? null : SKTypeface.FromData(SKData.CreateCopy(data));
            if (typeface is not null)
            {
                binding.subsets[face] = typeface;
                binding.fonts[face] = FontFace.NewUnitFont(typeface, face.UnitsPerEm);
            }
        }
        return binding;
    }

    /// <summary>The Skia font that draws a face at one point per font unit (see <see cref="GlyphRunBuilder"/>): the subset when there is one.</summary>
    public SKFont UnitFont(FontFace face) => fonts.TryGetValue(face, out var font) ? font : face.UnitFont;

    public void Dispose()
    {
        BlobBuilder.Dispose();
        foreach (var paint in paints.Values)
            paint.Dispose();
        foreach (var font in fonts.Values)
            font.Dispose();
        foreach (var typeface in subsets.Values)
            typeface.Dispose();
    }
}
