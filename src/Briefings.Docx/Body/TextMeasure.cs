using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Briefings.Documents;
using HarfBuzzSharp;

namespace Briefings.Docx.Body;

/// <summary>
/// How wide a piece of text is in a bundled font, from the font's own glyph advances (no shaping: close
/// enough to size a table column, which is all it is for). Faces are read once per process.
/// </summary>
internal static class TextMeasure
{
    private sealed record Face(HarfBuzzSharp.Font Font, int UnitsPerEm);

    private static readonly ConcurrentDictionary<string, Face?> Faces = new(StringComparer.Ordinal);

    /// <summary>The width in points of text set in family at size points; null when the family is not bundled.</summary>
    public static double? Width(string text, string family, bool bold, double size)
    {
        var file = BundledFonts.File(family, bold, italic: false);
        if (file is null || Faces.GetOrAdd(file, Load) is not { } face)
            return null;
        double units = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!face.Font.TryGetGlyph((uint)rune.Value, out var glyph))
                glyph = 0;
            units += face.Font.GetHorizontalGlyphAdvance(glyph);
        }
        return units * size / face.UnitsPerEm;
    }

    private static Face? Load(string file)
    {
        var hbFace = new HarfBuzzSharp.Face(BlobOf(BundledFonts.Read(file)), 0);
        var font = new HarfBuzzSharp.Font(hbFace);
        font.SetFunctionsOpenType();
        return hbFace.UnitsPerEm > 0 ? new Face(font, hbFace.UnitsPerEm) : null;
    }

    /// <summary>
    /// Font data for HarfBuzz, which reads it for the life of the face: a bundled font's own array where it is (pinned
    /// and kept for the life of the process, <see cref="BundledFonts.IsBundled"/>); other data in an unmanaged copy,
    /// which the garbage collector cannot move (a managed buffer gave widths that changed from run to run), freed with
    /// the blob.
    /// </summary>
    internal static Blob BlobOf(byte[] data)
    {
        Blob blob;
        if (BundledFonts.IsBundled(data))
            blob = new Blob(Marshal.UnsafeAddrOfPinnedArrayElement(data, 0), data.Length, MemoryMode.ReadOnly);
        else
        {
            var memory = Marshal.AllocHGlobal(data.Length);
            Marshal.Copy(data, 0, memory, data.Length);
            blob = new Blob(memory, data.Length, MemoryMode.ReadOnly, () => Marshal.FreeHGlobal(memory));
        }
        blob.MakeImmutable();
        return blob;
    }
}
