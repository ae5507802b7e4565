using System.Runtime.InteropServices;

namespace Briefings.Documents;

/// <summary>
/// The one binding to HarfBuzz's subsetter (hb-subset, shipped in the HarfBuzzSharp native library but not
/// wrapped by it), for both writers: the PDF keeps glyph ids and drops the layout tables (a PDF viewer never
/// shapes), Word keeps the layout tables so it can shape (Arabic joining, ligatures).
/// </summary>
internal static class FontSubsetting
{
    private const string Library = "libHarfBuzzSharp";
    private const int DropTableTags = 3; // HB_SUBSET_SETS_DROP_TABLE_TAG

    /// <summary>hb-subset flag: drop hinting.</summary>
    public const uint NoHinting = 0x1;
    /// <summary>hb-subset flag: glyphs keep their ids.</summary>
    public const uint RetainGlyphIds = 0x2;
    /// <summary>hb-subset flag: do not add the glyphs the layout tables can reach.</summary>
    public const uint NoLayoutClosure = 0x200;

    /// <summary>An OpenType table tag as HarfBuzz takes it.</summary>
    public static uint Tag(string name) => (uint)(name[0] << 24 | name[1] << 16 | name[2] << 8 | name[3]);

    /// <summary>
    /// The face (a native hb_face_t) cut down to the glyphs and characters given; null when the subsetter fails.
    /// </summary>
    /// <param name="face">The native HarfBuzz face to cut down (it is not consumed).</param>
    /// <param name="glyphs">Glyphs to keep, or null to keep only what the characters need.</param>
    /// <param name="codePoints">Characters to keep (with their glyphs), in any order.</param>
    /// <param name="dropTables">Tables to leave out, or null for hb-subset's defaults.</param>
    /// <param name="flags">hb-subset flags, or null for its defaults.</param>
    /// <exception cref="DllNotFoundException">when the native library is missing.</exception>
    /// <exception cref="EntryPointNotFoundException">when the native library has no subsetter.</exception>
    public static byte[]? Subset(IntPtr face, IEnumerable<uint>? glyphs, IEnumerable<int> codePoints, IEnumerable<uint>? dropTables, uint? flags)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
            return null;
        try
        {
            if (glyphs is not null)
            {
                var glyphSet = hb_subset_input_glyph_set(input);
                foreach (var glyph in glyphs)
                    hb_set_add(glyphSet, glyph);
            }
            var unicodeSet = hb_subset_input_unicode_set(input);
            foreach (var codePoint in codePoints.Order())
                hb_set_add(unicodeSet, (uint)codePoint);
            if (dropTables is not null)
            {
                var dropSet = hb_subset_input_set(input, DropTableTags);
                foreach (var table in dropTables)
                    hb_set_add(dropSet, table);
            }
            if (flags is { } value)
                hb_subset_input_set_flags(input, value);

            var subset = hb_subset_or_fail(face, input);
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
