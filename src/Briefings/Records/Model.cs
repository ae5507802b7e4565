namespace Briefings.Records;

// The typed record model. Everything here is immutable and free of YAML and output concerns:
// the loader maps files onto these types, the view models and packs read them.

/// <summary>Where a record came from, so later stages can point users back at the file.</summary>
public sealed record RecordOrigin(string Path, int Line, int Column)
{
    public override string ToString() => $"{Path}:{Line}:{Column}";
}

/// <summary>A city known under several spellings (Astana / Nur-Sultan, and the garble "Nur Sudan" kept only for matching).</summary>
public sealed record City(string Name, IReadOnlyList<string> Aliases)
{
    /// <inheritdoc cref="Country.MatchOnly"/>
    public IReadOnlyList<string> MatchOnly { get; init; } = [];
}

/// <summary>Membership of an organisation (SCO, BRICS, EAEU ...), with the date it began when known.</summary>
public sealed record Membership(string Organisation, DateOnly? Since)
{
    public bool HeldOn(DateOnly date) => Since is null || Since <= date;
}

/// <summary>One step in the history of a bilateral relationship: the level and the day it took effect.</summary>
public sealed record PartnershipStep(PartnershipLevel Level, DateOnly Since, IReadOnlyList<string> Sources);

/// <summary>A country's relationship with another country (usually China).</summary>
public sealed record Relation(
    string With,
    DateOnly? Established,
    IReadOnlyList<PartnershipStep> Partnership)
{
    /// <summary>The partnership level in force on <paramref name="date"/>, or null before the first step.</summary>
    public PartnershipLevel? LevelOn(DateOnly date) =>
        Partnership.Where(step => step.Since <= date).OrderBy(step => step.Since).LastOrDefault()?.Level;
}

public sealed record Country(
    string Code,
    string Name,
    string? FullName,
    IReadOnlyList<string> Aliases,
    string? Capital,
    string? Region,
    IReadOnlyList<Membership> Memberships,
    IReadOnlyList<City> Cities,
    IReadOnlyList<Relation> Relations,
    RecordOrigin Origin)
{
    /// <summary>
    /// Spellings kept only so that garbled or informal sources resolve (Beros, Bioloss, "Bai"): matched like
    /// <see cref="Aliases"/> but never printed. <see cref="Aliases"/> are the names a reader may see (Byelorussia, White Russia).
    /// </summary>
    public IReadOnlyList<string> MatchOnly { get; init; } = [];

    public Relation? RelationWith(string code) =>
        Relations.FirstOrDefault(r => string.Equals(r.With, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A title held for a period; <see cref="To"/> is null while it is still held.</summary>
public sealed record PersonRole(string Title, string? Country, DateOnly? From, DateOnly? To)
{
    public bool Covers(DateOnly date) => (From is null || From <= date) && (To is null || date <= To);
}

public sealed record Person(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    string Country,
    IReadOnlyList<PersonRole> Roles,
    RecordOrigin Origin)
{
    /// <inheritdoc cref="Country.MatchOnly"/>
    public IReadOnlyList<string> MatchOnly { get; init; } = [];

    /// <summary>The roles held on <paramref name="date"/>, most recently taken up first.</summary>
    public IReadOnlyList<PersonRole> RolesOn(DateOnly date) =>
        Roles.Where(r => r.Covers(date)).OrderByDescending(r => r.From ?? DateOnly.MinValue).ToList();
}

public sealed record Source(
    string Id,
    string Outlet,
    string? Title,
    DateOnly? Date,
    string? Url,
    string? Language,
    string? Note,
    HandlingLevel Handling,
    RecordOrigin Origin)
{
    /// <summary>
    /// The dateline as a reader should see it, names in their display spelling ("Nur-Sultan / Beijing"); packs print it.
    /// </summary>
    public string? Dateline { get; init; }

    /// <summary>
    /// The dateline exactly as the (machine-translated) text printed it ("(Nur Sudan / Beijing Comprehensive News)"): kept as
    /// the quoted original, for reference and search, never printed.
    /// </summary>
    public string? DatelineAsReceived { get; init; }
}

/// <summary>A multilateral occasion (summit, forum, games opening) meetings can take place at.</summary>
public sealed record Event(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    EventKind Kind,
    DateOnly Date,
    DateOnly? EndDate,
    Place? Place,
    IReadOnlyList<string> Sources,
    HandlingLevel Handling,
    RecordOrigin Origin)
{
    /// <inheritdoc cref="Country.MatchOnly"/>
    public IReadOnlyList<string> MatchOnly { get; init; } = [];
}

public sealed record Place(string? City, string Country, string? Venue);

public sealed record Participant(string Person, string? Role, Side Side);

public sealed record Outcome(
    OutcomeKind Kind,
    string Text,
    PartnershipLevel? From,
    PartnershipLevel? To,
    IReadOnlyList<string> Sources,
    HandlingLevel Handling);

/// <summary>Something a participant said; <see cref="IsQuote"/> only where the source quotes the words.</summary>
public sealed record Statement(
    string Speaker,
    string Text,
    bool IsQuote,
    string? Via,
    IReadOnlyList<string> Sources,
    HandlingLevel Handling)
{
    /// <summary>
    /// The meeting's agenda topics (items of <see cref="Meeting.Topics"/>, as written there) the statement belongs to,
    /// as the source reports it; empty when the source does not say.
    /// </summary>
    public IReadOnlyList<string> Topics { get; init; } = [];
}

/// <summary>Commentary attributed to an analyst (when named) and the outlet that carried it.</summary>
public sealed record Analysis(
    string? Analyst,
    string? Affiliation,
    string Outlet,
    string Text,
    IReadOnlyList<string> Sources,
    HandlingLevel Handling);

/// <summary>A background paragraph.</summary>
public sealed record ContextNote(string Text, IReadOnlyList<string> Sources, HandlingLevel Handling);

public sealed record Meeting(
    string Id,
    DateOnly Date,
    DateOnly? EndDate,
    MeetingStatus Status,
    MeetingKind Kind,
    string Title,
    string Host,
    string Guest,
    Place Place,
    string? Event,
    string? Occasion,
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<Participant> Delegation,
    IReadOnlyList<string> Topics,
    IReadOnlyList<Outcome> Outcomes,
    IReadOnlyList<Statement> Statements,
    IReadOnlyList<Analysis> Analysis,
    IReadOnlyList<ContextNote> Context,
    IReadOnlyList<string> Sources,
    HandlingLevel Handling,
    RecordOrigin Origin)
{
    /// <summary>The country codes taking part: host first, then guest.</summary>
    public IReadOnlyList<string> Countries => Host == Guest ? [Host] : [Host, Guest];

    /// <summary>The last day of the meeting (the date itself for one-day meetings).</summary>
    public DateOnly LastDay => EndDate ?? Date;

    public bool Involves(string countryCode) =>
        string.Equals(Host, countryCode, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Guest, countryCode, StringComparison.OrdinalIgnoreCase);

    public bool HasParticipant(string personId) =>
        Participants.Any(p => p.Person == personId) || Delegation.Any(p => p.Person == personId);
}
