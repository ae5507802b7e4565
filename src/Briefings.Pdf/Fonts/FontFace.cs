using HbBlob = HarfBuzzSharp.Blob;
using HbFace = HarfBuzzSharp.Face;
using HbFont = HarfBuzzSharp.Font;

namespace Briefings.Pdf.Fonts;

/// <summary>
/// One font face in one style (a face of a collection .ttc is chosen by index): the HarfBuzz face and
/// font that shape it and the facts the PDF font descriptor needs. Metrics are kept in em units
/// (multiply by the point size).
/// </summary>
internal sealed class FontFace
{
    private static int nextId;

    // Coverage is asked for every character of every new word: remember answers for the BMP.
    private readonly ulong[] knownBmp = new ulong[1024];
    private readonly ulong[] coveredBmp = new ulong[1024];

    public FontFace(string name, byte[] data, int faceIndex = 0)
    {
        Id = Interlocked.Increment(ref nextId);
        Name = name;
        // HarfBuzz keeps reading the font data for the life of the face (see BundledFonts.NativeAddress).
        var (address, release) = Documents.BundledFonts.NativeAddress(data);
        var blob = new HbBlob(address, data.Length, HarfBuzzSharp.MemoryMode.ReadOnly, release is null ? null : () => release());
        blob.MakeImmutable();
        var face = new HbFace(blob, faceIndex);
        if (face.GlyphCount == 0)
            throw new InvalidOperationException($"The font '{name}' has no glyphs (face {faceIndex}), or is not a font HarfBuzz can read.");
        Data = data;
        FaceIndex = faceIndex;
        Info = FontInfo.Read(face);
        HbFace = face;
        UnitsPerEm = face.UnitsPerEm;
        Shaper = new HbFont(face);
        Shaper.SetScale(face.UnitsPerEm, face.UnitsPerEm);
        Shaper.TryGetHorizontalFontExtents(out var extents);
        Ascent = extents.Ascender / (float)UnitsPerEm;
        Descent = -extents.Descender / (float)UnitsPerEm;
    }

    public int Id { get; }
    /// <summary>The font file, kept for subsetting.</summary>
    public byte[] Data { get; }
    /// <summary>Which face of the file (0 unless the file is a collection).</summary>
    public int FaceIndex { get; }
    /// <summary>Names and metrics for the PDF font descriptor.</summary>
    public FontInfo Info { get; }
    public HbFace HbFace { get; }
    public string Name { get; }
    public HbFont Shaper { get; }
    public int UnitsPerEm { get; }
    /// <summary>Distance from the baseline to the top of the line box, in em.</summary>
    public float Ascent { get; }
    /// <summary>Distance from the baseline to the bottom of the line box, in em (positive).</summary>
    public float Descent { get; }

    private float[]? advances;

    /// <summary>
    /// Each glyph's advance as the font's metrics table gives it (font units, no kerning), indexed by
    /// glyph id: the width the PDF font's /W array gives each glyph, and so the advance a viewer assumes
    /// between glyphs written as one string.
    /// </summary>
    public float[] NominalAdvances
    {
        get
        {
            var known = Volatile.Read(ref advances);
            if (known is not null)
                return known;
            int count = HbFace.GlyphCount;
            var glyphs = new uint[count];
            for (int g = 0; g < count; g++)
                glyphs[g] = (uint)g;
            var units = Shaper.GetHorizontalGlyphAdvances(glyphs);
            var table = new float[count];
            for (int g = 0; g < count; g++)
                table[g] = units[g];
            Volatile.Write(ref advances, table);
            return table;
        }
    }

    public bool Covers(int codePoint)
    {
        if (codePoint >= 0x10000)
            return Shaper.TryGetGlyph(codePoint, out _);
        int word = codePoint >> 6;
        ulong bit = 1UL << (codePoint & 63);
        // Lock-free: every character of every text asks, from every thread of a batch, and a lock here made
        // two threads wait on each other. Bits are only ever set; the covered bit is set before the known bit
        // (both with full fences), so a reader that sees "known" also sees the answer.
        if ((Volatile.Read(ref knownBmp[word]) & bit) != 0)
            return (Volatile.Read(ref coveredBmp[word]) & bit) != 0;
        bool covered = Shaper.TryGetGlyph(codePoint, out var glyph) && glyph != 0;
        if (covered)
            Interlocked.Or(ref coveredBmp[word], bit);
        Interlocked.Or(ref knownBmp[word], bit);
        return covered;
    }

    public override string ToString() => Name;
}

/// <summary>
/// A family in four styles. Families without a true bold or italic reuse the regular face. A style can be given
/// as a factory, so a face the document never uses is never loaded (a brief rarely sets bold italic).
/// </summary>
internal sealed class FontFamily
{
    private readonly Lazy<FontFace> bold, italic, boldItalic;

    public FontFamily(string name, FontFace regular, FontFace bold, FontFace italic, FontFace boldItalic)
        : this(name, regular, () => bold, () => italic, () => boldItalic)
    {
    }

    public FontFamily(string name, FontFace regular, Func<FontFace> bold, Func<FontFace> italic, Func<FontFace> boldItalic)
    {
        Name = name;
        Regular = regular;
        this.bold = new Lazy<FontFace>(bold);
        this.italic = new Lazy<FontFace>(italic);
        this.boldItalic = new Lazy<FontFace>(boldItalic);
    }

    public string Name { get; }
    public FontFace Regular { get; }

    public FontFace Face(bool isBold, bool isItalic) => (isBold, isItalic) switch
    {
        (false, false) => Regular,
        (true, false) => bold.Value,
        (false, true) => italic.Value,
        _ => boldItalic.Value,
    };

    public override string ToString() => Name;
}
