using System.Collections.Concurrent;
using System.Globalization;
using HarfBuzzSharp;
using HbBuffer = HarfBuzzSharp.Buffer;

namespace Briefings.Pdf.Fonts;

/// <summary>
/// Glyphs of one font face for a stretch of text, positioned in em units from the run's start. Clusters
/// gives, per glyph, the index in Text of the first character of the cluster it belongs to (glyphs are in
/// visual order, so for right-to-left text the clusters run backwards).
/// </summary>
internal sealed record ShapedRun(FontFace Face, string Text, ushort[] Glyphs, float[] X, float[] Y, float Width, int[] Clusters, bool RightToLeft)
{
    private string?[]? glyphText;

    /// <summary>
    /// The characters each glyph stands for, in the order the glyphs are drawn: a cluster's characters go
    /// to its first glyph, further glyphs of the cluster stand for nothing (""). Right-to-left text is drawn
    /// in visual order, and text extraction (pdftotext, pdf.js, PDFium, Acrobat) reads glyphs left to right
    /// and reverses right-to-left stretches: so there the cluster goes to its leftmost glyph with its
    /// characters reversed (a lam-alef ligature stands for "أل" read left to right, "لأ" once reversed).
    /// Computed once per shaped run.
    /// </summary>
    public string?[] GlyphText => glyphText ??= ComputeGlyphText();

    private string[]? clusterText;

    /// <summary>The characters of the whole cluster each glyph belongs to (as <see cref="GlyphText"/> orders them).</summary>
    public string[] ClusterText
    {
        get
        {
            if (clusterText is null)
                ComputeGlyphText();
            return clusterText!;
        }
    }

    private string?[] ComputeGlyphText()
    {
        var starts = Clusters.Distinct().Order().ToArray();
        var result = new string?[Glyphs.Length];
        var clusters = new string[Glyphs.Length];
        var seen = new HashSet<int>();
        for (int g = 0; g < Glyphs.Length; g++)
        {
            int start = Clusters[g];
            int next = Array.BinarySearch(starts, start) + 1;
            int end = next < starts.Length ? starts[next] : Text.Length;
            clusters[g] = RightToLeft ? Reversed(Text[start..end]) : Text[start..end];
            result[g] = seen.Add(start) ? clusters[g] : "";
        }
        clusterText = clusters;
        return result;
    }

    /// <summary>The characters of text in reverse order (surrogate pairs kept together).</summary>
    private static string Reversed(string text)
    {
        if (text.Length < 2)
            return text;
        var chars = new char[text.Length];
        int at = text.Length;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                at -= 2;
                chars[at] = text[i];
                chars[at + 1] = text[++i];
            }
            else
                chars[--at] = text[i];
        }
        return new string(chars);
    }
}

/// <summary>
/// A piece of text (usually one word) shaped into runs, one per font face used.
/// Missing lists the characters no font could draw (empty when all is well).
/// </summary>
internal sealed record ShapedText(string Text, ShapedRun[] Runs, float Width, int[] Missing)
{
    public static readonly ShapedText Empty = new("", [], 0, []);
}

/// <summary>
/// Shapes text with HarfBuzz after splitting it into runs by font coverage (primary face first, then the
/// fallback families in order, enumerated only for characters the primary face lacks). Results are cached per face and text: briefing prose repeats its words.
/// </summary>
internal sealed class TextShaper(IEnumerable<FontFamily> fallbacks)
{
    private const int MaxCacheEntries = 200_000;

    // Ligatures off: a viewer's search and copy treat "fi" as two letters most reliably when they are two
    // glyphs (a ligature glyph copies out right through the ToUnicode map, but is drawn as one). Kerning stays on.
    private static readonly Feature[] Features = [Feature.Parse("liga=0"), Feature.Parse("clig=0")];

    private readonly ConcurrentDictionary<ShapeKey, ShapedText> cache = new(ShapeKeyComparer.Instance);

    public ShapedText Shape(FontFace primary, bool bold, bool italic, string text)
    {
        if (text.Length == 0)
            return ShapedText.Empty;
        if (cache.TryGetValue(new ShapeKey(primary.Id, text), out var cached))
            return cached;
        return ShapeAndCache(primary, bold, italic, text);
    }

    /// <summary>
    /// As <see cref="Shape(FontFace, bool, bool, string)"/> for a piece of a longer text: a word already
    /// shaped is found without making a string of it (its <see cref="ShapedText.Text"/> is the cached one).
    /// </summary>
    public ShapedText Shape(FontFace primary, bool bold, bool italic, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            return ShapedText.Empty;
        if (cache.GetAlternateLookup<ShapeSpanKey>().TryGetValue(new ShapeSpanKey(primary.Id, text), out var cached))
            return cached;
        return ShapeAndCache(primary, bold, italic, text.ToString());
    }

    private ShapedText ShapeAndCache(FontFace primary, bool bold, bool italic, string text)
    {
        var shaped = ShapeUncached(primary, bold, italic, text);
        if (cache.Count > MaxCacheEntries)
            cache.Clear();
        cache[new ShapeKey(primary.Id, text)] = shaped;
        return shaped;
    }

    private readonly record struct ShapeKey(int Face, string Text);

    private readonly ref struct ShapeSpanKey(int face, ReadOnlySpan<char> text)
    {
        public int Face { get; } = face;
        public ReadOnlySpan<char> Text { get; } = text;
    }

    /// <summary>Compares keys by face and text, and looks a key up by a span of characters (no string made).</summary>
    private sealed class ShapeKeyComparer : IEqualityComparer<ShapeKey>, IAlternateEqualityComparer<ShapeSpanKey, ShapeKey>
    {
        public static readonly ShapeKeyComparer Instance = new();

        public bool Equals(ShapeKey x, ShapeKey y) => x.Face == y.Face && string.Equals(x.Text, y.Text, StringComparison.Ordinal);
        public int GetHashCode(ShapeKey key) => HashCode.Combine(key.Face, string.GetHashCode(key.Text.AsSpan()));
        public bool Equals(ShapeSpanKey alternate, ShapeKey other) => alternate.Face == other.Face && alternate.Text.SequenceEqual(other.Text);
        public int GetHashCode(ShapeSpanKey alternate) => HashCode.Combine(alternate.Face, string.GetHashCode(alternate.Text));
        public ShapeKey Create(ShapeSpanKey alternate) => new(alternate.Face, alternate.Text.ToString());
    }

    private ShapedText ShapeUncached(FontFace primary, bool bold, bool italic, string text)
    {
        var runs = new List<ShapedRun>();
        List<int>? missing = null;
        float width = 0;

        int runStart = 0;
        FontFace? runFace = null;
        for (int i = 0; i < text.Length;)
        {
            int codePoint = CharExtensions.ConvertToUtf32OrReplacement(text, i);
            int length = char.IsSurrogatePair(text, i) ? 2 : 1;
            var face = FaceFor(primary, bold, italic, codePoint);
            if (face is null)
            {
                if (!IsIgnorable(codePoint))
                    (missing ??= []).Add(codePoint);
                face = runFace ?? primary;
            }
            if (runFace is not null && face != runFace)
            {
                var run = ShapeRun(runFace, text, runStart, i - runStart);
                runs.Add(run);
                width += run.Width;
                runStart = i;
            }
            runFace = face;
            i += length;
        }
        var last = ShapeRun(runFace!, text, runStart, text.Length - runStart);
        runs.Add(last);
        width += last.Width;
        return new ShapedText(text, [.. runs], width, missing?.ToArray() ?? []);
    }

    private FontFace? FaceFor(FontFace primary, bool bold, bool italic, int codePoint)
    {
        if (primary.Covers(codePoint))
            return primary;
        foreach (var family in fallbacks)
        {
            var face = family.Face(bold, italic);
            if (face.Covers(codePoint))
                return face;
        }
        return null;
    }

    /// <summary>Characters that draw nothing and may be dropped silently (joiners, variation selectors, controls).</summary>
    private static bool IsIgnorable(int codePoint) =>
        codePoint is 0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF or (>= 0xFE00 and <= 0xFE0F)
        || CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.Control or UnicodeCategory.Format;

    private static ShapedRun ShapeRun(FontFace face, string text, int start, int length)
    {
        using var buffer = new HbBuffer();
        buffer.AddUtf16(text, start, length);
        buffer.GuessSegmentProperties();
        face.Shaper.Shape(buffer, Features);

        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var glyphs = new ushort[infos.Length];
        var xs = new float[infos.Length];
        var ys = new float[infos.Length];
        var clusters = new int[infos.Length];
        bool rightToLeft = buffer.Direction == Direction.RightToLeft;
        float scale = 1f / face.UnitsPerEm;
        float pen = 0;
        for (int g = 0; g < infos.Length; g++)
        {
            glyphs[g] = (ushort)infos[g].Codepoint;
            xs[g] = pen + positions[g].XOffset * scale;
            ys[g] = -positions[g].YOffset * scale;
            clusters[g] = Math.Clamp((int)infos[g].Cluster - start, 0, length - 1);
            pen += positions[g].XAdvance * scale;
        }
        return new ShapedRun(face, text.Substring(start, length), glyphs, xs, ys, pen, clusters, rightToLeft);
    }
}

internal static class CharExtensions
{
    public static int ConvertToUtf32OrReplacement(string text, int index)
    {
        char c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            return char.ConvertToUtf32(c, text[index + 1]);
        return char.IsSurrogate(c) ? 0xFFFD : c;
    }
}
