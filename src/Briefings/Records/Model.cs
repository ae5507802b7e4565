namespace Briefings.Records;

// The typed record model. Everything here is immutable and free of YAML and output concerns:
// the loader maps files onto these types, the view models and packs read them.

/// <summary>Where a record came from, so later stages can point users back at the file.</summary>
public sealed record RecordOrigin(string Path, int Line, int Column)
{
    /// <summary>The origin as <c>path:line:column</c>, the way diagnostics print locations.</summary>
    public override string ToString() => $"{Path}:{Line}:{Column}";
}

/// <summary>A city known under several spellings (Astana / Nur-Sultan, and the garble "Nur Sudan" kept only for matching).</summary>
public sealed record City(string Name, IReadOnlyList<string> Aliases)
{
    /// <inheritdoc cref="Country.MatchOnly"/>
    public IReadOnlyList<string> MatchOnly { get; init; } = [];

    /// <summary>
    /// Where the city is (degrees north and east, WGS 84), when the record gives it; otherwise maps look the city up in
    /// the gazetteer shipped with the library (templates/maps/cities.tsv).
    /// </summary>
    public GeoPoint? Location { get; init; }
}

/// <summary>A point on the globe in degrees, WGS 84.</summary>
/// <param name="Latitude">Degrees north (south negative), -90 to 90.</param>
/// <param name="Longitude">Degrees east (west negative), -180 to 180.</param>
public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>Membership of an organisation (SCO, BRICS, EAEU ...), with the date it began when known.</summary>
public sealed record Membership(string Organisation, DateOnly? Since)
{
    /// <summary>Whether the membership had begun on <paramref name="date"/> (a membership without a start date always has).</summary>
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

/// <summary>A country record (countries/CODE.yaml).</summary>
/// <param name="Code">ISO 3166-1 alpha-3 code in capitals (<c>BLR</c>); the country's id.</param>
/// <param name="Name">Short English name.</param>
/// <param name="FullName">Official name, if recorded.</param>
/// <param name="Aliases">Other names a reader may see and packs may print (Byelorussia, White Russia).</param>
/// <param name="Capital">Capital city, if recorded.</param>
/// <param name="Region">Region, e.g. "Central Asia", if recorded.</param>
/// <param name="Memberships">Organisations the country belongs to.</param>
/// <param name="Cities">Cities with their other spellings, so that names in sources resolve.</param>
/// <param name="Relations">Relations with other countries recorded in this country's file (each pair is recorded once, on either side).</param>
/// <param name="Origin">Where the record was read.</param>
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

    /// <summary>The relation recorded in this country's file with the country of <paramref name="code"/>, or null (the pair may be recorded in the other country's file: <see cref="RecordSet"/> queries look at both).</summary>
    public Relation? RelationWith(string code) =>
        Relations.FirstOrDefault(r => string.Equals(r.With, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A title held for a period; <see cref="To"/> is null while it is still held.</summary>
public sealed record PersonRole(string Title, string? Country, DateOnly? From, DateOnly? To)
{
    /// <summary>Whether the role was held on <paramref name="date"/> (an open start or end covers any date on that side).</summary>
    public bool Covers(DateOnly date) => (From is null || From <= date) && (To is null || date <= To);
}

/// <summary>A person record (people/ID.yaml).</summary>
/// <param name="Id">Stable id, <c>given-family</c> in lower case.</param>
/// <param name="Name">Canonical name, with diacritics.</param>
/// <param name="Aliases">Other names a reader may see (Lukashenka, Tokayev).</param>
/// <param name="Country">Code of the country the person serves.</param>
/// <param name="Roles">Titles with the period each was held; several may be held at once.</param>
/// <param name="Origin">Where the record was read.</param>
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

/// <summary>A source record (sources/ID.yaml): an article or release that facts are cited from.</summary>
/// <param name="Id">Stable id, e.g. outlet, date and subject.</param>
/// <param name="Outlet">Who published it.</param>
/// <param name="Title">Title of the article, if known.</param>
/// <param name="Date">Publication date, if known; a source dated after a pack's as-of date is never cited.</param>
/// <param name="Url">http(s) address, only when known.</param>
/// <param name="Language">Language of the text used, if recorded.</param>
/// <param name="Note">How it was obtained and what was inferred, if recorded.</param>
/// <param name="Handling">Who may see the source.</param>
/// <param name="Origin">Where the record was read.</param>
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

/// <summary>Where a meeting or event took place.</summary>
/// <param name="City">The city as it was called then (Nur-Sultan), if recorded.</param>
/// <param name="Country">Code of the country.</param>
/// <param name="Venue">The venue (Diaoyutai State Guesthouse), if recorded.</param>
public sealed record Place(string? City, string Country, string? Venue);

/// <summary>A principal or delegation member of a meeting.</summary>
/// <param name="Person">Id of the person.</param>
/// <param name="Role">The title the record gives for this meeting, if any; otherwise the role the person held on the meeting date applies.</param>
/// <param name="Side">Which side of the meeting the person was on.</param>
public sealed record Participant(string Person, string? Role, Side Side);

/// <summary>Something a meeting produced: an upgrade, signed documents, a joint statement, an agreement or an announcement.</summary>
/// <param name="Kind">What kind of outcome it is.</param>
/// <param name="Text">The outcome in one or two sentences.</param>
/// <param name="From">For a partnership upgrade, the level before it, if known.</param>
/// <param name="To">For a partnership upgrade, the level it raised relations to.</param>
/// <param name="Sources">Ids of the sources it is cited from.</param>
/// <param name="Handling">Who may see it (the meeting's level when the record gives none).</param>
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

/// <summary>A meeting record (meetings/ID.yaml): a visit, talks, a call or summit attendance between two countries.</summary>
/// <param name="Id"><c>YYYY-MM-DD-who-met</c>.</param>
/// <param name="Date">The date of the meeting (its first day).</param>
/// <param name="EndDate">The last day of a multi-day meeting, or null.</param>
/// <param name="Status">Whether it was held, is planned or was cancelled.</param>
/// <param name="Kind">The kind of meeting.</param>
/// <param name="Title">One-line title.</param>
/// <param name="Host">Code of the host country.</param>
/// <param name="Guest">Code of the guest country (never the same as the host).</param>
/// <param name="Place">Where it took place.</param>
/// <param name="Event">Id of the multilateral event it took place at, if any.</param>
/// <param name="Occasion">The occasion in words, if recorded.</param>
/// <param name="Participants">The principals.</param>
/// <param name="Delegation">Delegation members.</param>
/// <param name="Topics">Short phrases naming what was discussed.</param>
/// <param name="Outcomes">What it produced.</param>
/// <param name="Statements">What participants said.</param>
/// <param name="Analysis">Commentary on it.</param>
/// <param name="Context">Background paragraphs.</param>
/// <param name="Sources">Ids of the sources for the meeting as a whole.</param>
/// <param name="Handling">Who may see it; its items inherit the level unless they set their own.</param>
/// <param name="Origin">Where the record was read.</param>
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

    /// <summary>Whether the country of <paramref name="countryCode"/> is the host or the guest (ignoring case).</summary>
    public bool Involves(string countryCode) =>
        string.Equals(Host, countryCode, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Guest, countryCode, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the person of <paramref name="personId"/> is a participant or a delegation member.</summary>
    public bool HasParticipant(string personId) =>
        Participants.Any(p => p.Person == personId) || Delegation.Any(p => p.Person == personId);
}
