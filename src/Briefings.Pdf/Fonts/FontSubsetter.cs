using System.Runtime.InteropServices;

namespace Briefings.Pdf.Fonts;

/// <summary>
/// Cuts a font down to the glyphs a document uses, with HarfBuzz's subsetter (hb-subset, shipped in the
/// HarfBuzzSharp native library but not wrapped by it). Glyph ids are retained (except in CID-keyed CFF
/// fonts, whose glyphs are selected by CID), so text shaped with the full font draws unchanged with the subset.
/// </summary>
internal static class FontSubsetter
{
    private const string Library = "libHarfBuzzSharp";
    private const uint NoHinting = 0x1;
    private const uint RetainGlyphIds = 0x2;
    private const uint NoLayoutClosure = 0x200;
    private const int DropTableTags = 3; // HB_SUBSET_SETS_DROP_TABLE_TAG

    // Text is shaped before it is drawn and a PDF viewer never shapes: the layout tables are dead
    // weight in the file, and subsetting them (with the closure of glyphs they can reach) was most
    // of the subsetter's time.
    private static readonly uint[] LayoutTables = [Tag("GSUB"), Tag("GPOS"), Tag("GDEF"), Tag("BASE"), Tag("JSTF"), Tag("MATH")];

    private static uint Tag(string name) => (uint)(name[0] << 24 | name[1] << 16 | name[2] << 8 | name[3]);

    /// <param name="face">The font face to cut down.</param>
    /// <param name="glyphs">The glyphs the document draws with it.</param>
    /// <param name="codePoints">The characters those glyphs stand for (kept in the subset's character map).</param>
    /// <param name="retainGlyphIds">
    /// Keep glyph ids (true: the content's codes are glyph ids). A CID-keyed CFF font is selected by CID
    /// instead, which its charset keeps whatever ids the subset gives the glyphs: there the ids need not be
    /// kept, and keeping them would fill the font with tens of thousands of empty glyphs.
    /// </param>
    public static byte[]? Subset(FontFace face, IEnumerable<ushort> glyphs, IEnumerable<int> codePoints, bool retainGlyphIds = true)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
            return null;
        try
        {
            var glyphSet = hb_subset_input_glyph_set(input);
            hb_set_add(glyphSet, 0); // .notdef is required by the format
            foreach (var glyph in glyphs.Order())
                hb_set_add(glyphSet, glyph);
            var unicodeSet = hb_subset_input_unicode_set(input);
            foreach (var codePoint in codePoints.Order())
                hb_set_add(unicodeSet, (uint)codePoint);
            var dropTables = hb_subset_input_set(input, DropTableTags);
            foreach (var table in LayoutTables)
                hb_set_add(dropTables, table);
            hb_subset_input_set_flags(input, NoHinting | (retainGlyphIds ? RetainGlyphIds : 0) | NoLayoutClosure);

            var subset = hb_subset_or_fail(face.HbFace.Handle, input);
            if (subset == IntPtr.Zero)
                return null;
            try
            {
                var blob = hb_face_reference_blob(subset);
                try
                {
                    var data = hb_blob_get_data(blob, out uint length);
                    if (data == IntPtr.Zero || length == 0)
                        return null;
                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally
                {
                    hb_blob_destroy(blob);
                }
            }
            finally
            {
                hb_face_destroy(subset);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    [DllImport(Library)] private static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(Library)] private static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(Library)] private static extern IntPtr hb_subset_input_glyph_set(IntPtr input);
    [DllImport(Library)] private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(Library)] private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
    [DllImport(Library)] private static extern IntPtr hb_subset_input_set(IntPtr input, int setType);
    [DllImport(Library)] private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
    [DllImport(Library)] private static extern void hb_set_add(IntPtr set, uint codePoint);
    [DllImport(Library)] private static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(Library)] private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(Library)] private static extern void hb_blob_destroy(IntPtr blob);
    [DllImport(Library)] private static extern void hb_face_destroy(IntPtr face);
}
