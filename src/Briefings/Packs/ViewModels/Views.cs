using Briefings.Records;
using Briefings.Templates;

namespace Briefings.Packs.ViewModels;

// Small read-only views templates see. Scriban exposes members in snake_case: PartnershipSince -> partnership_since.

/// <summary>Facts about the pack itself: printed in the front matter and the cover.</summary>
public sealed record PackInfo(
    string Name,
    string Title,
    string? Subtitle,
    DateOnly AsOf,
    string Audience,
    string Marking,
    IReadOnlyList<string> Keywords);

public sealed record SourceView(string Outlet, string? Title, DateOnly? Date, string? Url, string? Note);

/// <summary>A source footnote: its label and the sources it lists.</summary>
public sealed record NoteView(RawMarkdown Label, IReadOnlyList<SourceView> Sources);

public sealed record CountryView(string Code, string Name, string? FullName, string? Capital, string? Region);

public sealed record PlaceView(string? City, string Country, string? Venue)
{
    /// <summary>"Diaoyutai State Guesthouse, Beijing, China" (whatever parts are known).</summary>
    public string Full => string.Join(", ", new[] { Venue, City, Country }.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>"Beijing, China".</summary>
    public string Short => string.Join(", ", new[] { City, Country }.Where(p => !string.IsNullOrEmpty(p)));
}

public sealed record ParticipantView(string Id, string Name, string? Role, string Side, string Country, bool IsCounterpart);

public sealed record StatementView(string Speaker, string Text, bool IsQuote, string? Via, DateOnly Date, string MeetingTitle, TrackedMarkdown Cite);

public sealed record OutcomeView(string Kind, string Text, string? From, string? To, DateOnly Date, TrackedMarkdown Cite);

public sealed record AnalysisView(string? Analyst, string? Affiliation, string Outlet, string Text, TrackedMarkdown Cite)
{
    /// <summary>"Li Mingjiang (S. Rajaratnam School ...), in Lianhe Zaobao" or just the outlet.</summary>
    public string Attribution => Analyst is null
        ? Outlet
        : Affiliation is null ? $"{Analyst}, in {Outlet}" : $"{Analyst}, {Affiliation}, in {Outlet}";
}

public sealed record TextView(string Text, TrackedMarkdown Cite);

/// <summary>One meeting in a table or timeline.</summary>
public sealed record MeetingSummary(
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

    /// <summary>The outcomes in one line for a table cell.</summary>
    public string OutcomeSummary => IsUpcoming ? "upcoming" : Outcomes.Count == 0 ? "none recorded" : string.Join("; ", Outcomes.Select(o => o.Text));
}

/// <summary>One stop of a trip; <see cref="IsThis"/> marks the meeting the brief is about.</summary>
public sealed record ProgrammeItem(MeetingSummary Meeting, bool IsThis);

public sealed record RoleView(string Title, DateOnly? From, DateOnly? To);

public sealed record BiographyView(
    string Id,
    string Name,
    string Country,
    string? CurrentRole,
    DateOnly? CurrentRoleSince,
    IReadOnlyList<RoleView> AlsoRoles,
    IReadOnlyList<RoleView> EarlierRoles,
    int MeetingsBefore,
    MeetingSummary? LastMeeting);

public sealed record PartnershipStepView(string Level, DateOnly Since, TrackedMarkdown Cite);

public sealed record MembershipView(string Organisation, DateOnly? Since);

/// <summary>The state of the relationship on the as-of date.</summary>
public sealed record RelationshipView(
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

    public static bool IsVisit(MeetingKind kind) => kind is MeetingKind.StateVisit or MeetingKind.OfficialVisit
        or MeetingKind.OfficialWorkingVisit or MeetingKind.WorkingVisit or MeetingKind.PrivateVisit;
}
