using System.Globalization;
using System.Text;

namespace Briefings.Markdown;

/// <summary>Heading ids: lower-case ASCII letters, digits and hyphens, stable for the same heading text.</summary>
internal static class Slug
{
    public static string From(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue; // drops accents: "Gusmão" -> "gusmao"
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "section" : result;
    }
}
