using System.Text;
using Briefings.Documents;

namespace Briefings.Pdf.Rendering;

/// <summary>
/// The short form of a source note, printed when a note cited on an earlier page is cited again: its first
/// sentence (which names its sources, joined by semicolons) without the quoted titles, so "Lianhe Zaobao, “Xi
/// Jinping arrives in Kazakhstan…”, 14 September 2022. Machine translation…" becomes "Lianhe Zaobao, 14
/// September 2022". Links and comments after the first sentence are left out.
/// </summary>
internal static class NoteShortForm
{
    /// <summary>The short form, or null when it would not be shorter than the note itself.</summary>
    public static string? Of(Footnote note)
    {
        var first = note.Blocks.OfType<Paragraph>().FirstOrDefault();
        if (first is null)
            return null;
        string full = first.Content.ToPlainText().Trim();
        string shortened = Shorten(full);
        if (shortened.Length == 0)
            return null;
        string shortForm = shortened + ".";
        string whole = string.Join(" ", note.Blocks.OfType<Paragraph>().Select(p => p.Content.ToPlainText().Trim()));
        return shortForm.Length < whole.Length ? shortForm : null;
    }

    /// <summary>The first sentence of one source's citation, without its quoted title and final full stop.</summary>
    private static string Shorten(string citation)
    {
        var result = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < citation.Length; i++)
        {
            char c = citation[i];
            if (c == '“')
            {
                if (depth++ == 0)
                    TrimEnd(result, ", ", " ");
                continue;
            }
            if (depth > 0)
            {
                if (c == '”')
                    depth--;
                continue;
            }
            if (c == '.' && (i + 1 == citation.Length || citation[i + 1] == ' ') && !EndsWithInitial(result))
                break;
            result.Append(c);
        }
        return result.ToString().Trim().TrimEnd(',', ';', ':').Trim();
    }

    private static void TrimEnd(StringBuilder text, params string[] suffixes)
    {
        foreach (var suffix in suffixes)
            if (text.Length >= suffix.Length && text.ToString(text.Length - suffix.Length, suffix.Length) == suffix)
            {
                text.Length -= suffix.Length;
                return;
            }
    }

    /// <summary>"U.S" or "J" before a full stop: an abbreviation or an initial, not the end of a sentence.</summary>
    private static bool EndsWithInitial(StringBuilder text)
    {
        int n = text.Length;
        return n >= 1 && char.IsUpper(text[n - 1]) && (n == 1 || text[n - 2] is ' ' or '.');
    }
}
