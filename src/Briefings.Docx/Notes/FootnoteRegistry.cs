using Briefings.Documents;

namespace Briefings.Docx.Notes;

/// <summary>
/// Tracks which footnotes the text refers to. A Word footnote has exactly one reference mark, so the
/// first reference becomes the real note and later references to the same note are NOTEREF fields to it.
/// </summary>
internal sealed class FootnoteRegistry(Document document, List<string> problems)
{
    private readonly List<Footnote> _referenced = [];
    private readonly HashSet<int> _seen = [];
    private readonly HashSet<int> _missingReported = [];

    /// <summary>Footnotes in order of first reference: the notes the footnotes part must hold.</summary>
    public IReadOnlyList<Footnote> Referenced => _referenced;

    /// <summary>True once the note has its real reference in the text (and so its bookmark).</summary>
    public bool IsReferenced(int number) => _seen.Contains(number);

    /// <summary>
    /// The hidden bookmark (leading underscore, as Word's own "_Ref" bookmarks) around a note's real
    /// reference: later citations are NOTEREF fields to it.
    /// </summary>
    public static string BookmarkName(int number) =>
        "_RefNote" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Checks a mark that cannot become a real note (inside a note); reports it when no note has the number.</summary>
    public void Check(int number) => Find(number);

    /// <summary>Records a reference; true when it is the first, i.e. the place the real footnote goes.</summary>
    public bool Reference(int number)
    {
        if (Find(number) is not { } footnote || !_seen.Add(number))
            return false;
        _referenced.Add(footnote);
        return true;
    }

    /// <summary>The note with the number; a missing one is reported once, however often it is cited.</summary>
    private Footnote? Find(int number)
    {
        var footnote = document.FindFootnote(number);
        if (footnote is null && _missingReported.Add(number))
            problems.Add($"footnote reference [{number}] has no footnote");
        return footnote;
    }
}
