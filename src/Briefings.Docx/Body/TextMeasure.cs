using System.Collections.Concurrent;
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

    /// <summary>
    /// How many lines text set in family at size points takes in a column width points wide, broken as Word and
    /// LibreOffice break it when they do not hyphenate: greedily, between words (at spaces, not at no-break
    /// spaces) and after hard hyphens and dashes, a word wider than the column being split where it overflows.
    /// Null when the family is not bundled.
    /// </summary>
    public static int? Lines(string text, string family, bool bold, double size, double width)
    {
        if (Width(" ", family, bold, size) is not { } space)
            return null;
        width = Math.Max(width, size);
        var lines = 0;
        foreach (var paragraphLine in text.Split('\n'))
        {
            lines++;
            var x = 0.0;
            var atStart = true;
            foreach (var word in paragraphLine.Split(' '))
            {
                if (word.Length == 0)
                {
                    // Consecutive spaces: each takes room where it falls (a space at a line's end hangs).
                    if (!atStart) x += space;
                    continue;
                }
                foreach (var part in HyphenParts(word))
                {
                    var w = Width(part.Text, family, bold, size) ?? 0;
                    var gap = part.AfterSpace && !atStart ? space : 0;
                    if (!atStart && x + gap + w > width)
                    {
                        lines++;
                        x = 0;
                        gap = 0;
                    }
                    x += gap + w;
                    atStart = false;
                    // A piece wider than the column runs on over whole lines.
                    while (x > width)
                    {
                        lines++;
                        x -= width;
                    }
                }
            }
        }
        return Math.Max(1, lines);
    }

    /// <summary>A word split after each hard hyphen or dash (where a line may break); the first part follows a space.</summary>
    private static IEnumerable<(string Text, bool AfterSpace)> HyphenParts(string word)
    {
        var start = 0;
        for (var i = 0; i < word.Length - 1; i++)
        {
            if (word[i] is '-' or '–' or '—' && i > start)
            {
                yield return (word[start..(i + 1)], start == 0);
                start = i + 1;
            }
        }
        yield return (word[start..], start == 0);
    }

    private static Face? Load(string file)
    {
        var hbFace = new HarfBuzzSharp.Face(BlobOf(BundledFonts.Read(file)), 0);
        var font = new HarfBuzzSharp.Font(hbFace);
        font.SetFunctionsOpenType();
        return hbFace.UnitsPerEm > 0 ? new Face(font, hbFace.UnitsPerEm) : null;
    }

    /// <summary>Font data for HarfBuzz, which reads it for the life of the face (see <see cref="BundledFonts.NativeAddress"/>).</summary>
    internal static Blob BlobOf(byte[] data)
    {
        var (address, release) = BundledFonts.NativeAddress(data);
        var blob = new Blob(address, data.Length, MemoryMode.ReadOnly, release is null ? null : () => release());
        blob.MakeImmutable();
        return blob;
    }
}
