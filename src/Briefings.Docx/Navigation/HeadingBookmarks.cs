using System.Text;
using Briefings.Documents;

namespace Briefings.Docx.Navigation;

/// <summary>
/// Maps heading ids from the tree to Word bookmark names. Word accepts letters, digits and underscores,
/// at most 40 characters, starting with a letter; ids like "talks-with-xi-jinping" are folded to fit and
/// kept unique. Internal links ("#id") and contents entries resolve through the same map.
/// </summary>
internal sealed class HeadingBookmarks
{
    private const int MaxLength = 40;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private int _nextNumericId;

    public HeadingBookmarks(Document document, List<string> problems)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var heading in document.Headings())
        {
            if (string.IsNullOrWhiteSpace(heading.Id))
            {
                problems.Add($"heading '{heading.PlainText}' has no id");
                continue;
            }
            if (_names.ContainsKey(heading.Id))
            {
                problems.Add($"heading id '{heading.Id}' is used by more than one heading (second: '{heading.PlainText}')");
                continue;
            }
            _names[heading.Id] = Unique(Fold(heading.Id), taken);
        }
    }

    /// <summary>The bookmark for a heading id, or null when no heading has it.</summary>
    public string? NameFor(string headingId) => _names.GetValueOrDefault(headingId);

    /// <summary>Bookmark start and end elements share a numeric id; ids are handed out in document order.</summary>
    public int NextNumericId() => _nextNumericId++;

    private static string Fold(string id)
    {
        var name = new StringBuilder(id.Length + 2);
        foreach (var c in id.Normalize(NormalizationForm.FormC))
            name.Append(char.IsLetterOrDigit(c) ? c : '_');
        if (name.Length == 0 || !char.IsLetter(name[0]))
            name.Insert(0, "h_");
        return name.Length > MaxLength ? name.ToString(0, MaxLength) : name.ToString();
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $"_{n}";
            candidate = name[..Math.Min(name.Length, MaxLength - suffix.Length)] + suffix;
        }
        return candidate;
    }
}
