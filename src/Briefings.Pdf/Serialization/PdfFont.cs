using System.Security.Cryptography;
using System.Text;
using Briefings.Pdf.Fonts;

namespace Briefings.Pdf.Serialization;

/// <summary>
/// One face as a font of one PDF file: a composite (Type0) font with Identity-H encoding, so the 2-byte
/// codes in the content are glyph ids. Records the glyphs drawn and the characters each stands for;
/// when the document is finished it is embedded as a subset (hb-subset, glyph ids kept): TrueType
/// outlines as CIDFontType2 (FontFile2, CIDToGIDMap Identity), CFF outlines as CIDFontType0 with the
/// OpenType font in FontFile3 — never Type 3 — with /W widths and a ToUnicode map.
/// </summary>
internal sealed class PdfFont(FontFace face, string resourceName, int objectNumber)
{
    private readonly float[] advances = face.NominalAdvances;
    private readonly double scale = 1000.0 / face.UnitsPerEm;
    private readonly bool[] used = new bool[Math.Max(face.NominalAdvances.Length, 1)];
    private readonly Dictionary<ushort, string> unicode = [];
    private readonly Dictionary<ushort, string> fallback = [];
    private readonly ushort[]? cids = face.Info.GlyphCids;

    public FontFace Face { get; } = face;
    public string ResourceName { get; } = resourceName;
    /// <summary>The Type0 font object, reserved when the font is first used and written at the end.</summary>
    public int ObjectNumber { get; } = objectNumber;

    /// <summary>The code a glyph is written with: its CID in a CID-keyed CFF font, otherwise its glyph id.</summary>
    public ushort Code(ushort glyph) => cids is not null && glyph < cids.Length ? cids[glyph] : glyph;

    /// <summary>The glyph's width in thousandths of the font size, as written in /W (rounded to 3 decimals).</summary>
    public double Width(ushort glyph)
    {
        if (glyph >= advances.Length)
            return 0;
        double advance = advances[glyph];
        // Fonts of 1,000 units per em with whole advances (most) need no scaling or rounding.
        return scale == 1 && advance == Math.Floor(advance) ? advance : Math.Round(advance * scale, 3);
    }

    public void Use(ushort glyph)
    {
        if (glyph < used.Length)
            used[glyph] = true;
    }

    /// <summary>
    /// Maps a glyph to the characters it stands for, if the glyph has no mapping yet. False when the glyph
    /// already stands for other characters (the same glyph for a hyphen and a non-breaking hyphen, say):
    /// that occurrence then needs ActualText to copy out right.
    /// </summary>
    public bool Map(ushort glyph, string text, string cluster)
    {
        if (unicode.TryGetValue(glyph, out var known))
            return known == text;
        if (text.Length == 0)
        {
            // A glyph standing for nothing (a cluster's second glyph): ActualText says so where it is drawn,
            // and the map still gives it its cluster's characters (PDF/UA and PDF/A-2u map every glyph).
            if (cluster.Length > 0)
                fallback.TryAdd(glyph, cluster);
            return false;
        }
        unicode[glyph] = text;
        return true;
    }

    /// <summary>Whether a glyph's mapping equals text (without adding one).</summary>
    public bool MapsTo(ushort glyph, string text) => unicode.TryGetValue(glyph, out var known) && known == text;

    /// <summary>Writes the font program, descriptor, CIDFont, ToUnicode map and the Type0 font itself.</summary>
    public void Embed(PdfFileWriter file)
    {
        var glyphs = new List<ushort>();
        for (int g = 0; g < used.Length; g++)
            if (used[g])
                glyphs.Add((ushort)g);
        var codePoints = new HashSet<int>();
        foreach (var text in unicode.Values)
            for (int i = 0; i < text.Length; i++)
            {
                int cp = CharExtensions.ConvertToUtf32OrReplacement(text, i);
                if (cp >= 0x10000) i++;
                codePoints.Add(cp);
            }
        var program = FontSubsetter.Subset(Face, glyphs, codePoints, retainGlyphIds: cids is null)
            ?? throw new Documents.DocumentWriteException(Documents.DocumentCodes.PdfFont, $"The font '{Face.Name}' could not be subset for embedding.");
        var info = Face.Info;
        string baseFont = SubsetTag(glyphs) + "+" + info.PostScriptName;

        // CID-keyed CFF (Noto CJK) is embedded as the bare CFF table (CIDFontType0C), where every reader
        // selects glyphs by CID through the font's charset; an OpenType wrapper would be read by glyph id by
        // some (poppler), by CID by others. Name-keyed CFF goes in its OpenType wrapper, codes being glyph ids.
        bool bareCff = info.IsCff && cids is not null;
        if (bareCff)
            program = CffTable(program) ?? throw new Documents.DocumentWriteException(Documents.DocumentCodes.PdfFont, $"The subset of the font '{Face.Name}' has no CFF table.");
        int fontFile = file.WriteStream(program, o =>
        {
            if (bareCff)
                o.Ascii("/Subtype/CIDFontType0C");
            else if (info.IsCff)
                o.Ascii("/Subtype/OpenType");
            else
                o.Ascii("/Length1 ").Int(program.Length);
        });

        int flags = 4; // symbolic: glyphs are chosen by id, not by a standard encoding
        if (info.FixedPitch) flags |= 1;
        if (info.ItalicAngle != 0) flags |= 64;
        int descriptor = file.Write(o =>
        {
            o.Ascii("<</Type/FontDescriptor/FontName").Name(baseFont).Ascii("/Flags ").Int(flags)
                .Ascii("/FontBBox[").Number(info.XMin * scale, 0).Byte((byte)' ').Number(info.YMin * scale, 0).Byte((byte)' ')
                .Number(info.XMax * scale, 0).Byte((byte)' ').Number(info.YMax * scale, 0)
                .Ascii("]/ItalicAngle ").Number(info.ItalicAngle, 2)
                .Ascii("/Ascent ").Number(info.Ascender * scale, 0).Ascii("/Descent ").Number(info.Descender * scale, 0)
                .Ascii("/CapHeight ").Number(info.CapHeight * scale, 0).Ascii("/StemV ").Int(info.Bold ? 120 : 80)
                .Ascii(info.IsCff ? "/FontFile3 " : "/FontFile2 ").Int(fontFile).Ascii(" 0 R>>");
        });

        int cidFont = file.Write(o =>
        {
            o.Ascii("<</Type/Font/Subtype").Ascii(info.IsCff ? "/CIDFontType0" : "/CIDFontType2")
                .Ascii("/BaseFont").Name(baseFont)
                .Ascii("/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor ").Int(descriptor).Ascii(" 0 R");
            if (!info.IsCff)
                o.Ascii("/CIDToGIDMap/Identity");
            o.Ascii("/DW 0/W[");
            // Runs of consecutive codes share one array: first [w1 w2 ...].
            var byCode = glyphs.OrderBy(Code).ToList();
            for (int i = 0; i < byCode.Count;)
            {
                int j = i;
                while (j + 1 < byCode.Count && Code(byCode[j + 1]) == Code(byCode[j]) + 1)
                    j++;
                o.Int(Code(byCode[i])).Byte((byte)'[');
                for (int k = i; k <= j; k++)
                {
                    if (k > i) o.Byte((byte)' ');
                    o.Number(Width(byCode[k]), 3);
                }
                o.Byte((byte)']');
                i = j + 1;
            }
            o.Ascii("]>>");
        });

        int toUnicode = file.WriteStream(ToUnicodeMap(glyphs), null);

        file.Write(ObjectNumber, o => o.Ascii("<</Type/Font/Subtype/Type0/BaseFont").Name(info.IsCff ? baseFont + "-Identity-H" : baseFont)
            .Ascii("/Encoding/Identity-H/DescendantFonts[").Int(cidFont).Ascii(" 0 R]/ToUnicode ").Int(toUnicode).Ascii(" 0 R>>"));
    }

    /// <summary>The 'CFF ' table of an OpenType font file.</summary>
    private static byte[]? CffTable(byte[] font)
    {
        if (font.Length < 12)
            return null;
        int tables = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (int i = 0; i < tables; i++)
        {
            int record = 12 + 16 * i;
            if (record + 16 > font.Length)
                break;
            if (!font.AsSpan(record, 4).SequenceEqual("CFF "u8))
                continue;
            int offset = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8));
            int length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 12));
            return offset + length <= font.Length ? font.AsSpan(offset, length).ToArray() : null;
        }
        return null;
    }

    /// <summary>A ToUnicode CMap: each glyph drawn, mapped to the characters of the text it was shaped from.</summary>
    private byte[] ToUnicodeMap(List<ushort> glyphs)
    {
        using var o = new PdfBuffer();
        o.Ascii("/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n")
            .Ascii("/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n");
        foreach (var (glyph, text) in fallback)
            unicode.TryAdd(glyph, text);
        var mapped = glyphs.Where(g => unicode.ContainsKey(g)).OrderBy(Code).ToList();
        for (int i = 0; i < mapped.Count; i += 100)
        {
            int n = Math.Min(100, mapped.Count - i);
            o.Int(n).Ascii(" beginbfchar\n");
            for (int k = i; k < i + n; k++)
            {
                o.Byte((byte)'<').Hex4(Code(mapped[k])).Ascii("><");
                foreach (char c in unicode[mapped[k]])
                    o.Hex4(c);
                o.Ascii(">\n");
            }
            o.Ascii("endbfchar\n");
        }
        o.Ascii("endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n");
        return o.ToArray();
    }

    /// <summary>Six capital letters from a hash of the glyph set and face: the same subset gets the same tag.</summary>
    private string SubsetTag(List<ushort> glyphs)
    {
        var bytes = new byte[glyphs.Count * 2 + Face.Info.PostScriptName.Length];
        for (int i = 0; i < glyphs.Count; i++)
        {
            bytes[2 * i] = (byte)(glyphs[i] >> 8);
            bytes[2 * i + 1] = (byte)glyphs[i];
        }
        Encoding.ASCII.GetBytes(Face.Info.PostScriptName, bytes.AsSpan(glyphs.Count * 2));
        var hash = SHA256.HashData(bytes);
        var tag = new char[6];
        for (int i = 0; i < 6; i++)
            tag[i] = (char)('A' + hash[i] % 26);
        return new string(tag);
    }
}
