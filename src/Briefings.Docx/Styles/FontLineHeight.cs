using System.Buffers.Binary;
using Briefings.Documents;

namespace Briefings.Docx.Styles;

/// <summary>
/// A font's natural line height (ascender + descender + line gap of its hhea table, in ems). Word and
/// LibreOffice multiply "auto" line spacing by it, while the PDF writer's line height is a multiple of the
/// font size: dividing by it makes a Word line as tall as a PDF line (Noto: 1.362 em, so 1.35 becomes 0.99).
/// </summary>
internal static class FontLineHeight
{
    /// <summary>What a family not bundled is taken to have (typical of text faces; its file is not known here).</summary>
    private const double Typical = 1.2;

    public static double Of(string family)
    {
        var file = BundledFonts.File(family, bold: false, italic: false);
        return file is null ? Typical : Read(BundledFonts.Read(file)) ?? Typical;
    }

    private static double? Read(byte[] font)
    {
        if (font.Length < 12)
            return null;
        int tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        int hhea = -1, head = -1;
        for (int i = 0; i < tables && 12 + 16 * (i + 1) <= font.Length; i++)
        {
            var record = font.AsSpan(12 + 16 * i);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            if (tag == "hhea") hhea = offset;
            if (tag == "head") head = offset;
        }
        if (hhea < 0 || head < 0 || hhea + 10 > font.Length || head + 20 > font.Length)
            return null;
        double unitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(head + 18));
        short ascender = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(hhea + 4));
        short descender = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(hhea + 6));
        short lineGap = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(hhea + 8));
        return unitsPerEm > 0 ? (ascender - descender + lineGap) / unitsPerEm : null;
    }
}
