using System.Text;
using Briefings.Records;
using Briefings.Templates;

namespace Briefings.Packs.ViewModels;

/// <summary>
/// What a pack may show: only items known on the as-of date and, for a public pack, only public items.
/// Also hands out footnote labels for the sources it cites and remembers every record file it used.
/// </summary>
internal sealed class PackScope(RecordSet records, DateOnly asOf, Audience audience)
{
    private readonly List<Source> cited = [];
    private readonly SortedSet<string> recordFiles = new(StringComparer.Ordinal);

    public RecordSet Records { get; } = records;
    public DateOnly AsOf { get; } = asOf;
    public Audience Audience { get; } = audience;

    /// <summary>The record files the pack was built from, for the manifest.</summary>
    public IReadOnlyCollection<string> RecordFiles => recordFiles;

    public void Used(RecordOrigin origin) => recordFiles.Add(origin.Path);

    public bool Visible(HandlingLevel handling) => Audience == Audience.Internal || handling == HandlingLevel.Public;

    /// <summary>
    /// Whether an item was known on the as-of date: not internal in a public pack, and not resting only on
    /// sources published after that date.
    /// </summary>
    public bool Known(HandlingLevel handling, IReadOnlyList<string> sourceIds)
    {
        if (!Visible(handling))
            return false;
        var dated = sourceIds.Select(id => Records.Sources.GetValueOrDefault(id)).OfType<Source>().Where(s => s.Date is not null).ToList();
        return dated.Count == 0 || dated.Any(s => s.Date <= AsOf);
    }

    /// <summary>A meeting that had not happened by the as-of date (or was only ever announced).</summary>
    public bool IsUpcoming(Meeting meeting) => meeting.Date > AsOf || meeting.Status == MeetingStatus.Planned;

    /// <summary>A meeting the pack may mention: visible to the audience and not cancelled.</summary>
    public bool MeetingVisible(Meeting meeting) => Visible(meeting.Handling) && meeting.Status != MeetingStatus.Cancelled;

    /// <summary>Footnote references for the sources an item cites that the pack may show.</summary>
    public RawMarkdown Cite(IEnumerable<string> sourceIds)
    {
        var marks = new StringBuilder();
        foreach (var id in sourceIds.Distinct())
        {
            if (!Records.Sources.TryGetValue(id, out var source) || !Visible(source.Handling) || source.Date > AsOf)
                continue;
            if (!cited.Contains(source))
            {
                cited.Add(source);
                Used(source.Origin);
            }
            marks.Append("[^").Append(Label(source)).Append(']');
        }
        return new RawMarkdown(marks.ToString());
    }

    /// <summary>Every source cited so far, in order of first citation.</summary>
    public IReadOnlyList<SourceView> CitedSources() => cited.Select(s => new SourceView(
        new RawMarkdown(Label(s)), s.Outlet, s.Title, s.Date, s.Url, s.Note)).ToList();

    /// <summary>Footnote labels: the source id reduced to letters, digits and hyphens (ids already are, normally).</summary>
    private static string Label(Source source)
    {
        var label = new StringBuilder("src-");
        foreach (var c in source.Id)
            label.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        return label.ToString();
    }

    public string CountryName(string code) =>
        Records.Countries.TryGetValue(code, out var country) ? country.Name : code;

    public string PersonName(string id) =>
        Records.People.TryGetValue(id, out var person) ? person.Name : id;
}
