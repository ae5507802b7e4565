using Briefings.Records;
using Briefings.Templates;

namespace Briefings.Packs.ViewModels;

// Small read-only views templates see. Scriban exposes members in snake_case: PartnershipSince -> partnership_since.

/// <summary>Facts about the pack itself: printed in the front matter and the cover.</summary>
internal sealed record PackInfo(
    string Name,
    string Title,
    string? Subtitle,
    DateOnly AsOf,
    string Audience,
    string Marking,
    IReadOnlyList<string> Keywords);

/// <summary>
/// A source as a note cites it. CitedBefore: an earlier note already gives this source in full, so a note that
/// names it again (a citation of several sources) gives only its short form, outlet and date.
/// </summary>
internal sealed record SourceView(string Outlet, string? Title, DateOnly? Date, string? Url, string? Note, bool CitedBefore = false)
{
    /// <summary>The dateline as a reader should see it (never the garbled original the record keeps beside it).</summary>
    public string? Dateline { get; init; }
}

/// <summary>A source footnote: its label and the sources it lists.</summary>
internal sealed record NoteView(RawMarkdown Label, IReadOnlyList<SourceView> Sources);

internal sealed record CountryView(string Code, string Name, string? FullName, string? Capital, string? Region)
{
    /// <summary>The name as it runs in a sentence: "the United States", "the Philippines", "Belarus".</summary>
    public string Prose => Words.CountryInProse(Name);
}

internal sealed record PlaceView(string? City, string Country, string? Venue)
{
    /// <summary>"Diaoyutai State Guesthouse, Beijing, China" (whatever parts are known).</summary>
    public string Full => string.Join(", ", new[] { Venue, City, Country }.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>"Beijing, China".</summary>
    public string Short => string.Join(", ", new[] { City, Country }.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>As it runs after "in": "Beijing, China", or "the United States" when no city is recorded.</summary>
    public string InProse => string.IsNullOrEmpty(City) ? Words.CountryInProse(Country) : Short;

    /// <summary>The city, or the country as it runs in a sentence when no city is recorded: "Samarkand", "the United States".</summary>
    public string CityInProse => string.IsNullOrEmpty(City) ? Words.CountryInProse(Country) : City;
}

internal sealed record ParticipantView(string Id, string Name, string? Role, string Side, string Country, bool IsCounterpart);

internal sealed record StatementView(string Speaker, string Text, bool IsQuote, string? Via, DateOnly Date, string MeetingTitle, TrackedMarkdown Cite)
{
    /// <summary>The agenda topics the record ties the statement to, in the meeting's agenda order.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];
    /// <summary>Where the statement's first topic stands on its meeting's agenda (<see cref="int.MaxValue"/> without topics).</summary>
    public int AgendaIndex { get; init; } = int.MaxValue;
}

/// <summary>
/// A statement placed in a list grouped by agenda topic (see <see cref="TopicGroups"/>): what to print before its bullet.
/// </summary>
/// <param name="Statement">The statement.</param>
/// <param name="Heading">The heading of the topic group it opens ("Taiwan; international order", or the plain heading of the
/// statements without a topic); null inside a group, and everywhere when no statement has a topic.</param>
/// <param name="LeadBefore">Name the speaker before the heading: the list has one speaker, named once at its top.</param>
/// <param name="LeadAfter">Name the speaker after the heading: the list has several and the speaker changes here.</param>
internal sealed record PlacedStatement(StatementView Statement, string? Heading, bool LeadBefore, bool LeadAfter);

internal static class TopicGroups
{
    /// <summary>The heading over the statements no topic is recorded for, printed only when others have one.</summary>
    public const string Untopical = "General";

    /// <summary>
    /// Orders statements by agenda topic: one group per set of topics, in the order of the agenda, each statement once and
    /// in its recorded order within the group; the statements with no topic last. Nothing is inferred from the words.
    /// </summary>
    public static IReadOnlyList<PlacedStatement> Arrange(IReadOnlyList<StatementView> statements)
    {
        var topical = statements.Any(s => s.Topics.Count > 0);
        var singleSpeaker = statements.Select(s => s.Speaker).Distinct(StringComparer.Ordinal).Count() <= 1;
        var ordered = !topical
            ? statements.Select(s => (Key: (string?)null, Statement: s)).ToList()
            : statements
                .Select((s, i) => (Key: s.Topics.Count == 0 ? null : string.Join("; ", s.Topics), Statement: s, Index: i))
                .GroupBy(x => x.Key, StringComparer.Ordinal)
                .OrderBy(g => g.Key is null ? 1 : 0)
                .ThenBy(g => g.Min(x => x.Statement.AgendaIndex))
                .ThenBy(g => g.Min(x => x.Index))
                .SelectMany(g => g.Select(x => (x.Key, x.Statement)))
                .ToList();
        var result = new List<PlacedStatement>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (key, statement) = ordered[i];
            var opens = topical && (i == 0 || !string.Equals(ordered[i - 1].Key, key, StringComparison.Ordinal));
            var heading = opens ? key ?? Untopical : null;
            var leadBefore = singleSpeaker && i == 0;
            var leadAfter = !singleSpeaker && (opens || i == 0 || ordered[i - 1].Statement.Speaker != statement.Speaker);
            result.Add(new PlacedStatement(statement, heading, leadBefore, leadAfter));
        }
        return result;
    }
}

internal sealed record OutcomeView(string Kind, string Text, string? From, string? To, DateOnly Date, TrackedMarkdown Cite);

internal sealed record AnalysisView(string? Analyst, string? Affiliation, string Outlet, string Text, TrackedMarkdown Cite)
{
    /// <summary>False while the next item has the same attribution: the attribution is printed once, after the run.</summary>
    public bool AttributeAfter { get; init; } = true;

    /// <summary>
    /// "Li Mingjiang, S. Rajaratnam School ..., in Lianhe Zaobao"; an unnamed analyst by affiliation ("A researcher
    /// at a think tank in Washington, in Deutsche Welle"); or just the outlet.
    /// </summary>
    public string Attribution => (Analyst, Affiliation) switch
    {
        (null, null) => Outlet,
        (null, { } affiliation) => $"{Capitalised(affiliation)}, in {Outlet}",
        ({ } analyst, null) => $"{analyst}, in {Outlet}",
        ({ } analyst, { } affiliation) => $"{analyst}, {affiliation}, in {Outlet}",
    };

    /// <summary>An affiliation that opens the attribution, with an article where it has none ("researcher at …" → "A researcher at …").</summary>
    private static string Capitalised(string affiliation)
    {
        var text = affiliation.StartsWith("a ", StringComparison.Ordinal) || affiliation.StartsWith("an ", StringComparison.Ordinal)
            || affiliation.StartsWith("the ", StringComparison.Ordinal) || char.IsUpper(affiliation[0])
            ? affiliation
            : ("aeiou".Contains(affiliation[0]) ? "an " : "a ") + affiliation;
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}

internal sealed record TextView(string Text, TrackedMarkdown Cite);

/// <summary>One meeting in a table or timeline.</summary>
internal sealed record MeetingSummary(
    string Id,
    string Title,
    DateOnly Date,
    DateOnly? EndDate,
    string Kind,
    string Status,
    bool IsUpcoming,
    PlaceView Place,
    string? Occasion,
    IReadOnlyList<string> Participants,
    IReadOnlyList<string> Topics,
    IReadOnlyList<OutcomeView> Outcomes,
    TrackedMarkdown Cite)
{
    /// <summary>Announced for a day before the as-of date, with no record that it took place.</summary>
    public bool IsOverdue { get; init; }

    /// <summary>
    /// The outcomes in one line for a table cell, by kind ("joint statement, documents signed"): the full text is printed
    /// once, where the pack lists outcomes, not again in every table.
    /// </summary>
    public string OutcomeSummary => IsOverdue ? "planned, no report of it on record"
        : IsUpcoming ? "upcoming"
        : Outcomes.Count == 0 ? "none recorded"
        : string.Join(", ", Outcomes.Select(o => o.Kind).Distinct(StringComparer.Ordinal));

    /// <summary>
    /// Whether the outcome cell states something a source reports (the outcomes); otherwise ("none recorded",
    /// "upcoming") it is our records speaking, and the row's note goes with the kind of meeting instead.
    /// </summary>
    public bool OutcomeIsReported => !IsOverdue && !IsUpcoming && Outcomes.Count > 0;
}

/// <summary>One stop of a trip; <see cref="IsThis"/> marks the meeting the brief is about.</summary>
internal sealed record ProgrammeItem(MeetingSummary Meeting, bool IsThis);

internal sealed record RoleView(string Title, DateOnly? From, DateOnly? To)
{
    /// <summary>For a title held on the day: the last day the records show it held (see ViewBuilder.Evidence).</summary>
    public DateOnly? Evidence { get; init; }
    /// <summary>For a title held on the day: the day the roles are for; unset for earlier titles.</summary>
    public DateOnly? On { get; init; }

    /// <summary>Held on the day only as far as older evidence goes: print it "as of" <see cref="Evidence"/>, like the headline role.</summary>
    public bool IsStale => On is { } on && (Evidence is not { } seen || seen < on);
}

internal sealed record BiographyView(
    string Id,
    string Name,
    string Country,
    string? CurrentRole,
    DateOnly? CurrentRoleSince,
    IReadOnlyList<RoleView> AlsoRoles,
    IReadOnlyList<RoleView> EarlierRoles,
    int MeetingsBefore,
    MeetingSummary? LastMeeting)
{
    /// <summary>The last day the records show the current role held (see ViewBuilder.Evidence); null when nothing dates it.</summary>
    public DateOnly? CurrentRoleEvidence { get; init; }
    /// <summary>The day the roles are for.</summary>
    public DateOnly On { get; init; }

    /// <summary>
    /// The current role rests on evidence older than the day it is shown for (an open-ended role last seen in a
    /// meeting two years ago): print it "as of" <see cref="CurrentRoleEvidence"/>, never as a fact of that day.
    /// </summary>
    public bool CurrentRoleIsStale => CurrentRole is not null && (CurrentRoleEvidence is not { } seen || seen < On);

    /// <summary>Holds a role on the day, on current evidence.</summary>
    public bool IsCurrent => CurrentRole is not null && !CurrentRoleIsStale;
}

internal sealed record PartnershipStepView(string Level, DateOnly Since, TrackedMarkdown Cite);

internal sealed record MembershipView(string Organisation, DateOnly? Since);

/// <summary>The state of the relationship on the as-of date.</summary>
internal sealed record RelationshipView(
    string? Level,
    DateOnly? LevelSince,
    DateOnly? Established,
    int? YearsOfRelations,
    int MeetingCount,
    MeetingSummary? LastMeeting,
    IReadOnlyList<PartnershipStepView> History);

/// <summary>Words for controlled-list values in prose.</summary>
internal static class Words
{
    public static string Kind(MeetingKind kind) => kind switch
    {
        MeetingKind.Sidelines => "talks on the sidelines",
        _ => ControlledList.ToWords(kind),
    };

    public static string Level(PartnershipLevel level) =>
        ControlledList.ToWords(level).Replace("all weather", "all-weather", StringComparison.Ordinal);

    public static string Outcome(OutcomeKind kind) => ControlledList.ToWords(kind);

    /// <summary>
    /// Country names that take the definite article in running text: plural names and names built on a common noun
    /// (United States, United Kingdom, Czech Republic, Philippines, Maldives, United Arab Emirates).
    /// </summary>
    public static string CountryInProse(string name)
    {
        if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
            return name;
        string[] commonNouns = ["Republic", "Kingdom", "States", "Emirates", "Islands", "Federation", "Union", "Netherlands",
            "Philippines", "Maldives", "Bahamas", "Gambia", "Comoros", "Seychelles", "Holy See"];
        var words = name.Split(' ');
        var takesArticle = commonNouns.Any(n => words.Contains(n, StringComparer.Ordinal) || name == n)
            || words.Contains("of", StringComparer.Ordinal);
        return takesArticle ? "the " + name : name;
    }

    public static bool IsVisit(MeetingKind kind) => kind is MeetingKind.StateVisit or MeetingKind.OfficialVisit
        or MeetingKind.OfficialWorkingVisit or MeetingKind.WorkingVisit or MeetingKind.PrivateVisit;
}
