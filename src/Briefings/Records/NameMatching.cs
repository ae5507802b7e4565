using System.Globalization;
using System.Text;

namespace Briefings.Records;

/// <summary>
/// Comparing names the way people misspell them: case, diacritics, punctuation and spacing do not count
/// ("Gusmão" = "gusmao", "Nur-Sultan" = "Nur Sultan"), and near misses are found by edit distance.
/// </summary>
public static class NameMatching
{
    /// <summary>Lower-case letters and digits only, diacritics removed, runs of anything else become one space.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0) builder.Append(' ');
                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019')
            {
                // apostrophes join: "Xi'an" ~ "Xian"
            }
            else
            {
                pendingSpace = true;
            }
        }
        // A few letters have no decomposition but are commonly written plainly.
        return builder.ToString().Replace('ø', 'o').Replace('ł', 'l').Replace('đ', 'd').Replace("ß", "ss");
    }

    /// <summary>
    /// Names longer than this are never compared letter by letter: nothing that long is a near miss, and the
    /// comparison costs the product of the lengths (a 1 MB value against every name would take seconds).
    /// </summary>
    public const int MaxComparedLength = 256;

    /// <summary>
    /// Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). Past
    /// <see cref="MaxComparedLength"/> characters it answers the longer length (as far as two strings can be).
    /// </summary>
    public static int Distance(string a, string b)
    {
        if (a.Length > MaxComparedLength || b.Length > MaxComparedLength) return Math.Max(a.Length, b.Length);
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                d[i, j] = best;
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>The largest distance still worth suggesting for a word of this length.</summary>
    public static int Tolerance(int length) => length switch
    {
        <= 4 => 1,
        <= 8 => 2,
        _ => 3,
    };

    /// <summary>
    /// The candidate nearest to <paramref name="text"/> within tolerance, comparing normalized forms;
    /// null when nothing is close. Ties keep the first candidate.
    /// </summary>
    public static TKey? Nearest<TKey>(string text, IEnumerable<(TKey Key, string Name)> candidates) where TKey : class
    {
        if (text.Length > MaxComparedLength * 4) return null;
        var wanted = Normalize(text);
        var tolerance = Tolerance(wanted.Length);
        TKey? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (key, name) in candidates)
        {
            var normalized = Normalize(name);
            // The distance is at least the difference in length: skip names that cannot be within tolerance.
            if (Math.Abs(normalized.Length - wanted.Length) > tolerance) continue;
            var distance = Distance(wanted, normalized);
            if (distance < bestDistance)
            {
                best = key;
                bestDistance = distance;
            }
        }
        return bestDistance <= tolerance ? best : null;
    }
}
