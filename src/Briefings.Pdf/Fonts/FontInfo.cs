using System.Buffers.Binary;
using System.Text;
using HarfBuzzSharp;
using HbFace = HarfBuzzSharp.Face;

namespace Briefings.Pdf.Fonts;

/// <summary>
/// What a PDF font descriptor needs from an OpenType face, read from its tables: PostScript and family
/// names, bounding box, ascent, descent, cap height, italic angle, fixed pitch, and whether the outlines
/// are TrueType (glyf) or CFF.
/// </summary>
internal sealed class FontInfo
{
    public string PostScriptName { get; private init; } = "Font";
    public IReadOnlyList<string> FamilyNames { get; private init; } = [];
    public int UnitsPerEm { get; private init; } = 1000;
    public short XMin { get; private init; }
    public short YMin { get; private init; }
    public short XMax { get; private init; }
    public short YMax { get; private init; }
    public short Ascender { get; private init; }
    public short Descender { get; private init; }
    public short CapHeight { get; private init; }
    public double ItalicAngle { get; private init; }
    public bool FixedPitch { get; private init; }
    public bool Bold { get; private init; }
    /// <summary>CFF outlines (embedded as OpenType in FontFile3); otherwise TrueType outlines (FontFile2).</summary>
    public bool IsCff { get; private init; }

    public static FontInfo Read(HbFace face)
    {
        using var head = face.ReferenceTable(Tag.Parse("head"));
        using var hhea = face.ReferenceTable(Tag.Parse("hhea"));
        using var os2 = face.ReferenceTable(Tag.Parse("OS/2"));
        using var post = face.ReferenceTable(Tag.Parse("post"));
        using var name = face.ReferenceTable(Tag.Parse("name"));
        using var cff = face.ReferenceTable(Tag.Parse("CFF "));
        var h = head.AsSpan();
        var hh = hhea.AsSpan();
        var o = os2.AsSpan();
        var p = post.AsSpan();
        var names = Names(name.AsSpan());
        short S16(ReadOnlySpan<byte> t, int at) => t.Length >= at + 2 ? BinaryPrimitives.ReadInt16BigEndian(t[at..]) : (short)0;
        ushort U16(ReadOnlySpan<byte> t, int at) => t.Length >= at + 2 ? BinaryPrimitives.ReadUInt16BigEndian(t[at..]) : (ushort)0;
        int upem = U16(h, 18);
        short ascender = o.Length >= 72 ? S16(o, 68) : S16(hh, 4);
        short descender = o.Length >= 72 ? S16(o, 70) : S16(hh, 6);
        short capHeight = o.Length >= 90 && U16(o, 0) >= 2 ? S16(o, 88) : (short)(ascender * 0.7);
        double italic = p.Length >= 8 ? BinaryPrimitives.ReadInt32BigEndian(p[4..]) / 65536.0 : 0;
        var family = new List<string>();
        foreach (var id in new[] { 16, 1 })
            if (names.TryGetValue(id, out var list))
                family.AddRange(list);
        string postScript = names.TryGetValue(6, out var ps) && ps.Count > 0 ? ps[0] : family.FirstOrDefault() ?? "Font";
        return new FontInfo
        {
            PostScriptName = new string(postScript.Where(c => c is > ' ' and < '\x7F' and not ('[' or ']' or '(' or ')' or '{' or '}' or '<' or '>' or '/' or '%')).ToArray()),
            FamilyNames = family.Distinct().ToList(),
            UnitsPerEm = upem == 0 ? 1000 : upem,
            XMin = S16(h, 36),
            YMin = S16(h, 38),
            XMax = S16(h, 40),
            YMax = S16(h, 42),
            Bold = (U16(h, 44) & 1) != 0,
            Ascender = ascender,
            Descender = descender,
            CapHeight = capHeight,
            ItalicAngle = italic,
            FixedPitch = p.Length >= 16 && BinaryPrimitives.ReadUInt32BigEndian(p[12..]) != 0,
            IsCff = cff.Length > 0,
        };
    }

    /// <summary>The name table's strings by name id (Windows Unicode and Mac Roman records; English first).</summary>
    private static Dictionary<int, List<string>> Names(ReadOnlySpan<byte> table)
    {
        var result = new Dictionary<int, List<string>>();
        if (table.Length < 6)
            return result;
        int count = BinaryPrimitives.ReadUInt16BigEndian(table[2..]);
        int storage = BinaryPrimitives.ReadUInt16BigEndian(table[4..]);
        var found = new List<(int Id, bool English, string Text)>();
        for (int i = 0; i < count; i++)
        {
            int at = 6 + i * 12;
            if (at + 12 > table.Length)
                break;
            int platform = BinaryPrimitives.ReadUInt16BigEndian(table[at..]);
            int encoding = BinaryPrimitives.ReadUInt16BigEndian(table[(at + 2)..]);
            int language = BinaryPrimitives.ReadUInt16BigEndian(table[(at + 4)..]);
            int id = BinaryPrimitives.ReadUInt16BigEndian(table[(at + 6)..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(table[(at + 8)..]);
            int offset = BinaryPrimitives.ReadUInt16BigEndian(table[(at + 10)..]);
            if (id is not (1 or 6 or 16) || storage + offset + length > table.Length)
                continue;
            var bytes = table.Slice(storage + offset, length);
            string? text = platform switch
            {
                3 when encoding is 0 or 1 or 10 => Encoding.BigEndianUnicode.GetString(bytes),
                0 => Encoding.BigEndianUnicode.GetString(bytes),
                1 when encoding == 0 => Encoding.Latin1.GetString(bytes),
                _ => null,
            };
            if (text is not null)
                found.Add((id, (platform == 3 && language == 0x409) || (platform == 1 && language == 0), text));
        }
        foreach (var (id, _, text) in found.OrderByDescending(f => f.English))
        {
            if (!result.TryGetValue(id, out var list))
                result[id] = list = [];
            if (!list.Contains(text))
                list.Add(text);
        }
        return result;
    }

    /// <summary>The number of faces in a font file (a collection .ttc/.otc holds several; any other file one).</summary>
    public static int FaceCount(ReadOnlySpan<byte> data) =>
        data.Length >= 12 && data[..4].SequenceEqual("ttcf"u8) ? (int)BinaryPrimitives.ReadUInt32BigEndian(data[8..]) : 1;
}
