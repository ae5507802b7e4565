namespace Briefings.Records;

/// <summary>
/// All records by id, with the queries the packs need and name resolution over names and aliases.
/// Meeting lists are always in chronological order (date, then id).
/// </summary>
public sealed class RecordSet
{
    private readonly NameIndex<Country> _countryNames = new();
    private readonly NameIndex<Person> _personNames = new();
    private readonly NameIndex<CityMatch> _cityNames = new();
    private readonly NameIndex<Event> _eventNames = new();

    /// <summary>A set with no records.</summary>
    public static RecordSet Empty { get; } = new([], [], [], [], []);

    /// <summary>Builds a set from records; when two records of a kind share an id the first one is kept.</summary>
    public RecordSet(
        IEnumerable<Country> countries,
        IEnumerable<Person> people,
        IEnumerable<Meeting> meetings,
        IEnumerable<Event> events,
        IEnumerable<Source> sources)
    {
        Countries = ById(countries, c => c.Code, StringComparer.OrdinalIgnoreCase);
        People = ById(people, p => p.Id, StringComparer.Ordinal);
        Meetings = ById(meetings, m => m.Id, StringComparer.Ordinal);
        Events = ById(events, e => e.Id, StringComparer.Ordinal);
        Sources = ById(sources, s => s.Id, StringComparer.Ordinal);
        MeetingsByDate = Meetings.Values.OrderBy(m => m.Date).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        _byCountry = new Lazy<Dictionary<string, List<Meeting>>>(() => Index(MeetingsByDate, m => m.Countries, StringComparer.OrdinalIgnoreCase));
        _byPerson = new Lazy<Dictionary<string, List<Meeting>>>(() => Index(MeetingsByDate,
            m => m.Participants.Concat(m.Delegation).Select(p => p.Person).Distinct(StringComparer.Ordinal), StringComparer.Ordinal));

        foreach (var country in Countries.Values.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            _countryNames.Add(country, [country.Code, country.Name, .. OptionalName(country.FullName), .. country.Aliases, .. country.MatchOnly]);
            foreach (var city in country.Cities)
                _cityNames.Add(new CityMatch(city, country), [city.Name, .. city.Aliases, .. city.MatchOnly]);
        }
        foreach (var person in People.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
            _personNames.Add(person, [person.Id, person.Name, .. person.Aliases, .. person.MatchOnly]);
        foreach (var ev in Events.Values.OrderBy(e => e.Id, StringComparer.Ordinal))
            _eventNames.Add(ev, [ev.Id, ev.Name, .. ev.Aliases, .. ev.MatchOnly]);
    }

    /// <summary>Countries by code (ignoring case).</summary>
    public IReadOnlyDictionary<string, Country> Countries { get; }
    /// <summary>People by id.</summary>
    public IReadOnlyDictionary<string, Person> People { get; }
    /// <summary>Meetings by id.</summary>
    public IReadOnlyDictionary<string, Meeting> Meetings { get; }
    /// <summary>Events by id.</summary>
    public IReadOnlyDictionary<string, Event> Events { get; }
    /// <summary>Sources by id.</summary>
    public IReadOnlyDictionary<string, Source> Sources { get; }

    /// <summary>Every meeting in chronological order.</summary>
    public IReadOnlyList<Meeting> MeetingsByDate { get; }

    // ---- names and aliases ----

    /// <summary>A country by ISO code, name or alias ("Beros", "White Ros" and "BLR" all give Belarus).</summary>
    public NameResolution<Country> ResolveCountry(string name) => _countryNames.Resolve(name);

    /// <summary>A person by id, canonical name or alias ("Toccyev" gives Kassym-Jomart Tokayev).</summary>
    public NameResolution<Person> ResolvePerson(string name) => _personNames.Resolve(name);

    /// <summary>A city by name or alias ("Samalham" gives Samarkand, Uzbekistan).</summary>
    public NameResolution<CityMatch> ResolveCity(string name) => _cityNames.Resolve(name);

    /// <summary>An event by id, name or alias.</summary>
    public NameResolution<Event> ResolveEvent(string name) => _eventNames.Resolve(name);

    internal IEnumerable<(string Key, IReadOnlyList<Country> Records)> CountryNameCollisions() => _countryNames.Collisions();
    internal IEnumerable<(string Key, IReadOnlyList<Person> Records)> PersonNameCollisions() => _personNames.Collisions();

    // ---- meeting queries ----

    /// <summary>Meetings where the country is host or guest.</summary>
    public IReadOnlyList<Meeting> MeetingsWithCountry(string countryCode) =>
        _byCountry.Value.TryGetValue(countryCode, out var meetings) ? meetings : [];

    /// <summary>Meetings where the person is a participant or a delegation member.</summary>
    public IReadOnlyList<Meeting> MeetingsWithPerson(string personId) =>
        _byPerson.Value.TryGetValue(personId, out var meetings) ? meetings : [];

    // Every pack asks these for several people and countries: a scan of all meetings each time cost a batch of a
    // thousand packs more than its templates. Built on first use, in date order like MeetingsByDate; read-only after.
    private readonly Lazy<Dictionary<string, List<Meeting>>> _byCountry;
    private readonly Lazy<Dictionary<string, List<Meeting>>> _byPerson;

    private static Dictionary<string, List<Meeting>> Index(IReadOnlyList<Meeting> meetings, Func<Meeting, IEnumerable<string>> keys, StringComparer comparer)
    {
        var index = new Dictionary<string, List<Meeting>>(comparer);
        foreach (var meeting in meetings)
        {
            foreach (var key in keys(meeting))
            {
                if (!index.TryGetValue(key, out var list))
                    index[key] = list = [];
                list.Add(meeting);
            }
        }
        return index;
    }

    /// <summary>Meetings that overlap the inclusive range; either end may be open (null).</summary>
    public IReadOnlyList<Meeting> MeetingsBetween(DateOnly? from, DateOnly? to) =>
        MeetingsByDate.Where(m => (from is null || m.LastDay >= from) && (to is null || m.Date <= to)).ToList();

    /// <summary>Meetings that overlap the quarter.</summary>
    public IReadOnlyList<Meeting> MeetingsIn(Quarter quarter) => MeetingsBetween(quarter.Start, quarter.End);

    /// <summary>The country's meetings that began before <paramref name="date"/>, oldest first.</summary>
    public IReadOnlyList<Meeting> MeetingsBefore(string countryCode, DateOnly date) =>
        MeetingsByDate.Where(m => m.Involves(countryCode) && m.Date < date).ToList();

    // ---- relations ----

    /// <summary>The relation between two countries, recorded on either side.</summary>
    public Relation? RelationBetween(string countryA, string countryB)
    {
        if (Countries.TryGetValue(countryA, out var a) && a.RelationWith(countryB) is { } ab) return ab;
        if (Countries.TryGetValue(countryB, out var b) && b.RelationWith(countryA) is { } ba) return ba;
        return null;
    }

    /// <summary>The partnership level between two countries on a date, or null when none was in force.</summary>
    public PartnershipLevel? PartnershipLevelOn(string countryA, string countryB, DateOnly date) =>
        RelationBetween(countryA, countryB)?.LevelOn(date);

    /// <summary>Whole years since diplomatic relations were established, on <paramref name="date"/>; null when unknown.</summary>
    public int? YearsOfRelations(string countryA, string countryB, DateOnly date)
    {
        if (RelationBetween(countryA, countryB)?.Established is not { } established || established > date) return null;
        var years = date.Year - established.Year;
        if (date < established.AddYears(years)) years--;
        return years;
    }

    /// <summary>The title a person held on a date (most recently taken up first), or null.</summary>
    public string? RoleOn(string personId, DateOnly date) =>
        People.TryGetValue(personId, out var person) ? person.RolesOn(date).FirstOrDefault()?.Title : null;

    private static IReadOnlyDictionary<string, T> ById<T>(IEnumerable<T> records, Func<T, string> id, StringComparer comparer)
    {
        var map = new Dictionary<string, T>(comparer);
        foreach (var record in records) map.TryAdd(id(record), record);
        return map;
    }

    private static IEnumerable<string> OptionalName(string? name) => name is null ? [] : [name];
}
