using Briefings.Documents;

namespace Briefings.Pdf.Fonts;

/// <summary>
/// Cuts a font down to the glyphs a document uses (hb-subset, through the shared <see cref="FontSubsetting"/>
/// binding). Glyph ids are retained (except in CID-keyed CFF fonts, whose glyphs are selected by CID), so
/// text shaped with the full font draws unchanged with the subset.
/// </summary>
internal static class FontSubsetter
{
    // Text is shaped before it is drawn and a PDF viewer never shapes: the layout tables are dead
    // weight in the file, and subsetting them (with the closure of glyphs they can reach) was most
    // of the subsetter's time.
    private static readonly uint[] LayoutTables = new[] { "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH" }.Select(FontSubsetting.Tag).ToArray();

    /// <param name="face">The font face to cut down.</param>
    /// <param name="glyphs">The glyphs the document draws with it.</param>
    /// <param name="codePoints">The characters those glyphs stand for (kept in the subset's character map).</param>
    /// <param name="retainGlyphIds">
    /// Keep glyph ids (true: the content's codes are glyph ids). A CID-keyed CFF font is selected by CID
    /// instead, which its charset keeps whatever ids the subset gives the glyphs: there the ids need not be
    /// kept, and keeping them would fill the font with tens of thousands of empty glyphs.
    /// </param>
    public static byte[]? Subset(FontFace face, IEnumerable<ushort> glyphs, IEnumerable<int> codePoints, bool retainGlyphIds = true) =>
        FontSubsetting.Subset(
            face.HbFace.Handle,
            glyphs.Select(g => (uint)g).Append(0u).Order(), // .notdef is required by the format
            codePoints,
            LayoutTables,
            FontSubsetting.NoHinting | (retainGlyphIds ? FontSubsetting.RetainGlyphIds : 0) | FontSubsetting.NoLayoutClosure);
}
