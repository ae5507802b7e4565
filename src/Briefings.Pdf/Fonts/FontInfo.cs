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
    /// <summary>
    /// For CID-keyed CFF outlines (Noto CJK), each glyph's CID: a PDF selects such glyphs by CID through the
    /// font's charset, so the content codes are CIDs. Null when codes are glyph ids (TrueType, name-keyed CFF).
    /// </summary>
    public ushort[]? GlyphCids { get; private init; }

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
            GlyphCids = cff.Length > 0 ? CffCharset.CidsOf(cff.AsSpan()) : null,
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

/// <summary>Reads the charset of a CID-keyed CFF table: the CID of every glyph (null for a name-keyed font).</summary>
internal static class CffCharset
{
    public static ushort[]? CidsOf(ReadOnlySpan<byte> cff)
    {
        try
        {
            if (cff.Length < 4)
                return null;
            int at = cff[2];
            at = SkipIndex(cff, at, out _, out _); // Name INDEX
            var top = FirstEntry(cff, at);
            bool cidKeyed = false;
            int charset = 0, charStrings = 0;
            ReadDict(cff.Slice(top.Start, top.Length), (op, operands) =>
            {
                if (op == 0x0C1E) cidKeyed = true;       // ROS
                else if (op == 15) charset = (int)operands[0];
                else if (op == 17) charStrings = (int)operands[0];
            });
            if (!cidKeyed || charset == 0 || charStrings == 0)
                return null;
            int glyphs = BinaryPrimitives.ReadUInt16BigEndian(cff[charStrings..]);
            var cids = new ushort[glyphs];
            int p = charset;
            byte format = cff[p++];
            int gid = 1;
            if (format == 0)
            {
                for (; gid < glyphs; gid++, p += 2)
                    cids[gid] = BinaryPrimitives.ReadUInt16BigEndian(cff[p..]);
            }
            else
            {
                while (gid < glyphs)
                {
                    int first = BinaryPrimitives.ReadUInt16BigEndian(cff[p..]);
                    int left = format == 1 ? cff[p + 2] : BinaryPrimitives.ReadUInt16BigEndian(cff[(p + 2)..]);
                    p += format == 1 ? 3 : 4;
                    for (int k = 0; k <= left && gid < glyphs; k++)
                        cids[gid++] = (ushort)(first + k);
                }
            }
            return cids;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
        catch (IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static int ReadOffset(ReadOnlySpan<byte> data, int at, int size)
    {
        int value = 0;
        for (int i = 0; i < size; i++)
            value = value << 8 | data[at + i];
        return value;
    }

    /// <summary>The position after an INDEX starting at at.</summary>
    private static int SkipIndex(ReadOnlySpan<byte> data, int at, out int count, out int offSize)
    {
        count = BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
        offSize = 0;
        if (count == 0)
            return at + 2;
        offSize = data[at + 2];
        int last = ReadOffset(data, at + 3 + count * offSize, offSize);
        return at + 3 + (count + 1) * offSize + last - 1;
    }

    private static (int Start, int Length) FirstEntry(ReadOnlySpan<byte> data, int at)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
        if (count == 0)
            return (0, 0);
        int offSize = data[at + 2];
        int first = ReadOffset(data, at + 3, offSize), second = ReadOffset(data, at + 3 + offSize, offSize);
        int dataStart = at + 3 + (count + 1) * offSize - 1;
        return (dataStart + first, second - first);
    }

    private delegate void DictEntry(int op, List<double> operands);

    private static void ReadDict(ReadOnlySpan<byte> dict, DictEntry entry)
    {
        var operands = new List<double>();
        for (int i = 0; i < dict.Length;)
        {
            int b0 = dict[i];
            if (b0 <= 21)
            {
                int op = b0 == 12 ? 0x0C00 | dict[i + 1] : b0;
                i += b0 == 12 ? 2 : 1;
                entry(op, operands);
                operands.Clear();
            }
            else if (b0 == 28) { operands.Add((short)(dict[i + 1] << 8 | dict[i + 2])); i += 3; }
            else if (b0 == 29) { operands.Add(BinaryPrimitives.ReadInt32BigEndian(dict[(i + 1)..])); i += 5; }
            else if (b0 == 30)
            {
                // A real number: nibbles until 0xF; its value is never needed here.
                i++;
                while (i < dict.Length && (dict[i] & 0x0F) != 0x0F && (dict[i] >> 4) != 0x0F) i++;
                i++;
                operands.Add(0);
            }
            else if (b0 <= 246) { operands.Add(b0 - 139); i++; }
            else if (b0 <= 250) { operands.Add((b0 - 247) * 256 + dict[i + 1] + 108); i += 2; }
            else if (b0 <= 254) { operands.Add(-(b0 - 251) * 256 - dict[i + 1] - 108); i += 2; }
            else i++;
        }
    }
}
