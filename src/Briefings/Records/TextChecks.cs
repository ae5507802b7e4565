using System.Globalization;
using System.Text;

namespace Briefings.Records;

/// <summary>Checks on record text that concern how it can be printed: bidi controls and unbreakable words.</summary>
public static class TextChecks
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
}
