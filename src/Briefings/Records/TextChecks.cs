using System.Globalization;
using System.Text;
using Briefings.Documents;

namespace Briefings.Records;

/// <summary>Checks on record text that concern how it can be printed: bidi controls and unbreakable words.</summary>
internal static class TextChecks
{
    /// <summary>
    /// A word longer than this many characters is reported: at the body size of the default theme a line
    /// of an A4 page holds about 85 characters, a heading line fewer.
    /// </summary>
    public const int MaxWordLength = 60;

    /// <summary>
    /// The explicit bidirectional formatting characters: embeddings and overrides (U+202A–U+202E),
    /// isolates (U+2066–U+2069) and the marks (U+200E, U+200F, U+061C).
    /// </summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    public static bool HasBidiControls(string text)
    {
        foreach (var c in text)
        {
            if (IsBidiControl(c)) return true;
        }
        return false;
    }

    /// <summary>The text without its bidi controls; the same string when it has none.</summary>
    public static string RemoveBidiControls(string text)
    {
        if (!HasBidiControls(text)) return text;
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsBidiControl(c)) result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>"U+202E, U+2066" — the distinct controls in order of appearance.</summary>
    public static string DescribeBidiControls(string text) =>
        string.Join(", ", text.Where(IsBidiControl).Distinct().Take(5)
            .Select(c => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)));

    // Where the PDF layout breaks a line: spaces, after hyphens and dashes, between CJK characters.
    private static bool IsBreak(char c) =>
        char.IsWhiteSpace(c) || c is '-' or >= '\u2010' and <= '\u2015' or '\u200B' or >= '\u2E80' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF';

    /// <summary>The longest run of characters with no space or hyphen to break at, or null for empty text.</summary>
    public static string? LongestWord(string text)
    {
        int bestStart = 0, bestLength = 0, start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsBreak(text[i])) continue;
            if (i - start > bestLength) (bestStart, bestLength) = (start, i - start);
            start = i + 1;
        }
        return bestLength == 0 ? null : text.Substring(bestStart, bestLength);
    }

    /// <summary>
    /// The first character of <paramref name="text"/> no font of <paramref name="coverage"/> can draw (characters
    /// that draw nothing, such as joiners and variation selectors, do not count); null when all are drawn.
    /// </summary>
    public static int? FirstUndrawable(string text, IGlyphCoverage coverage)
    {
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            var codePoint = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            if (char.IsWhiteSpace(text, i) || IsInvisible(codePoint)) continue;
            if (!coverage.Covers(codePoint)) return codePoint;
        }
        return null;
    }

    private static bool IsInvisible(int codePoint) =>
        codePoint is 0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF)
        || CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.Control or UnicodeCategory.Format;

    /// <summary>The script of a character and a font (OFL, from the Noto family) that draws it, for messages.</summary>
    public static (string Script, string Font) ScriptOf(int codePoint) => codePoint switch
    {
        >= 0x0530 and <= 0x058F => ("Armenian", "Noto Sans Armenian"),
        >= 0x0590 and <= 0x05FF => ("Hebrew", "Noto Sans Hebrew"),
        >= 0x0600 and <= 0x06FF or >= 0x0750 and <= 0x077F or >= 0x08A0 and <= 0x08FF
            or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF => ("Arabic", "Noto Naskh Arabic"),
        >= 0x0900 and <= 0x097F => ("Devanagari", "Noto Sans Devanagari"),
        >= 0x0E00 and <= 0x0E7F => ("Thai", "Noto Sans Thai"),
        >= 0x0F00 and <= 0x0FFF => ("Tibetan", "Noto Serif Tibetan"),
        >= 0x10A0 and <= 0x10FF => ("Georgian", "Noto Sans Georgian"),
        >= 0x1780 and <= 0x17FF => ("Khmer", "Noto Sans Khmer"),
        >= 0x1800 and <= 0x18AF => ("Mongolian", "Noto Sans Mongolian"),
        >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F or >= 0xAC00 and <= 0xD7AF => ("Korean", "Noto Sans CJK KR"),
        >= 0x3040 and <= 0x30FF => ("Japanese kana", "Noto Sans CJK JP"),
        >= 0x2E80 and <= 0x2FDF or >= 0x3000 and <= 0x303F or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF
            or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3FFFF => ("Chinese (Han)", "Noto Sans CJK SC"),
        >= 0x1F000 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF => ("emoji", "Noto Emoji"),
        _ => ("U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture), "a Noto font for its script"),
    };
}
