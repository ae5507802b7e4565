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
    private readonly List<(string Label, List<Source> Sources)> notes = [];
    private readonly SortedSet<string> recordFiles = new(StringComparer.Ordinal);

    public RecordSet Records { get; } = records;
    public DateOnly AsOf { get; } = asOf;
    public Audience Audience { get; } = audience;

    /// <summary>The record files the pack was built from, for the manifest.</summary>
    public IReadOnlyCollection<string> RecordFiles => recordFiles;

    public void Used(RecordOrigin origin) => recordFiles.Add(origin.Path);

    public bool Visible(HandlingLevel handling) => Audience == Audience.Internal || handling == HandlingLevel.Public;

    /// <summary>
    /// The one as-of rule every item of a pack goes through (docs/records.md, "The as-of date"): an item is known on
    /// the as-of date when what it reports had happened by then (<paramref name="happened"/>: the meeting's date for its
    /// outcomes and statements, a partnership step's <c>since</c>, a role's <c>from</c>) and, when it cites dated
    /// sources, the earliest of them had been published by then. An item with no date of its own (analysis, context)
    /// counts from its earliest dated source, or from <paramref name="undatedFrom"/> (the meeting's date) when it
    /// cites none. Internal items are never known to a public pack.
    /// </summary>
    public bool Known(HandlingLevel handling, IReadOnlyList<string> sourceIds, DateOnly? happened, DateOnly? undatedFrom = null)
    {
        if (!Visible(handling))
            return false;
        var published = sourceIds.Select(id => Records.Sources.GetValueOrDefault(id)?.Date).OfType<DateOnly>().ToList();
        DateOnly? from = published.Count > 0 ? published.Min() : happened ?? undatedFrom;
        if (happened is { } day && (from is null || day > from))
            from = day;
        return from is null || from <= AsOf;
    }

    /// <summary>A meeting that had not happened by the as-of date (or was only ever announced).</summary>
    public bool IsUpcoming(Meeting meeting) => meeting.Date > AsOf || meeting.Status == MeetingStatus.Planned;

    /// <summary>A meeting the pack may mention: visible to the audience and not cancelled.</summary>
    public bool MeetingVisible(Meeting meeting) => Visible(meeting.Handling) && meeting.Status != MeetingStatus.Cancelled;

    /// <summary>A meeting with the home side the pack may mention that had taken place by the as-of date.</summary>
    public bool HeldWith(Meeting meeting, string home) =>
        meeting.Involves(home) && meeting.Date <= AsOf && MeetingVisible(meeting) && meeting.Status == MeetingStatus.Held;

    /// <summary>
    /// The footnote mark for the sources an item cites that the pack may show: one note per citation, listing
    /// every source (Markdown cannot put two marks side by side). A note exists only once the template prints
    /// its mark, so the notes match the text exactly.
    /// </summary>
    public TrackedMarkdown Cite(IEnumerable<string> sourceIds)
    {
        var sources = sourceIds.Distinct()
            .Select(id => Records.Sources.GetValueOrDefault(id))
            .OfType<Source>()
            .Where(s => Visible(s.Handling) && !(s.Date > AsOf))
            .ToList();
        if (sources.Count == 0)
            return new TrackedMarkdown("", () => { });
        var label = sources.Count == 1 ? Label(sources[0]) : string.Join("--", sources.Select(Label));
        return new TrackedMarkdown($"[^{label}]", () =>
        {
            if (!noted.Add(label))
                return;
            notes.Add((label, sources));
            foreach (var source in sources)
                Used(source.Origin);
        });
    }

    /// <summary>The notes whose marks have been printed so far, in order of first citation; read when enumerated.</summary>
    public IReadOnlyList<NoteView> CitedNotes() => new CitedNoteList(this);

    private sealed class CitedNoteList(PackScope scope) : IReadOnlyList<NoteView>
    {
        private List<NoteView> Current
        {
            get
            {
                // A source given in full by an earlier note is named again by outlet and date only.
                var given = new HashSet<string>(StringComparer.Ordinal);
                var views = new List<NoteView>(scope.notes.Count);
                foreach (var (label, sources) in scope.notes)
                    views.Add(new NoteView(new RawMarkdown(label),
                        sources.Select(s => new SourceView(s.Outlet, s.Title, s.Date, s.Url, s.Note, CitedBefore: !given.Add(s.Id)) { Dateline = s.Dateline }).ToList()));
                return views;
            }
        }

        public NoteView this[int index] => Current[index];
        public int Count => scope.notes.Count;
        public IEnumerator<NoteView> GetEnumerator() => Current.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The labels of <see cref="notes"/>, to find a note already made without a search.</summary>
    private readonly HashSet<string> noted = new(StringComparer.Ordinal);

    /// <summary>Labels made so far: a source is cited many times in every pack of a batch.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Source, string> Labels = new();

    /// <summary>Footnote labels: the source id reduced to letters, digits and hyphens (ids already are, normally).</summary>
    private static string Label(Source source) => Labels.GetValue(source, MakeLabel);

    private static string MakeLabel(Source source)
    {
        var label = new StringBuilder();
        foreach (var c in source.Id)
            label.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        return label.ToString();
    }

    public string CountryName(string code) =>
        Records.Countries.TryGetValue(code, out var country) ? country.Name : code;

    public string PersonName(string id) =>
        Records.People.TryGetValue(id, out var person) ? person.Name : id;
}
