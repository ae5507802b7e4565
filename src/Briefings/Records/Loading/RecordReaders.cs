using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Briefings.Records.Loading;

/// <summary>
/// Maps the root mapping of one record file onto the model. Each reader returns null when a field the
/// record cannot exist without is missing; every other problem is reported and the record still loads.
/// </summary>
internal static partial class RecordReaders
{
    public static readonly string[] CountryKeys =
        ["code", "name", "full_name", "aliases", "match_only", "capital", "region", "memberships", "cities", "relations"];
    public static readonly string[] MembershipKeys = ["organisation", "since"];
    public static readonly string[] CityKeys = ["name", "aliases", "match_only", "latitude", "longitude"];
    public static readonly string[] RelationKeys = ["with", "established", "partnership"];
    public static readonly string[] PartnershipStepKeys = ["level", "since", "sources"];
    public static readonly string[] PersonKeys = ["id", "name", "aliases", "match_only", "country", "roles"];
    public static readonly string[] RoleKeys = ["title", "country", "from", "to"];
    public static readonly string[] SourceKeys = ["id", "outlet", "title", "date", "url", "language", "dateline", "dateline_as_received", "note", "handling"];
    public static readonly string[] EventKeys = ["id", "name", "aliases", "match_only", "kind", "date", "end_date", "place", "sources", "handling"];
    public static readonly string[] PlaceKeys = ["city", "country", "venue"];
    public static readonly string[] MeetingKeys =
    [
        "id", "date", "end_date", "status", "kind", "title", "host", "guest", "place", "event", "occasion",
        "participants", "delegation", "topics", "outcomes", "statements", "analysis", "context", "sources", "handling",
    ];
    public static readonly string[] ParticipantKeys = ["person", "role", "side"];
    public static readonly string[] OutcomeKeys = ["kind", "text", "from", "to", "sources", "handling"];
    public static readonly string[] StatementKeys = ["speaker", "text", "quote", "via", "topics", "sources", "handling"];
    public static readonly string[] AnalysisKeys = ["analyst", "affiliation", "outlet", "text", "sources", "handling"];
    public static readonly string[] ContextKeys = ["text", "sources", "handling"];

    // ---- countries ----

    public static Country? ReadCountry(FileContext file, YamlMappingNode root)
    {
        var r = new MappingReader(file, root, "country", CountryKeys);
        var code = r.String("code", required: true);
        if (code is not null && !CountryCodePattern().IsMatch(code))
        {
            file.Diagnostics.Error(file.Path, r.ValueMark("code"), DiagnosticCodes.BadValue,
                $"country code '{code}' must be an ISO 3166-1 alpha-3 code in capitals, e.g. BLR");
            code = null;
        }
        var name = r.String("name", required: true);
        var fullName = r.String("full_name");
        var aliases = r.Strings("aliases");
        var country = new Country(
            code ?? "",
            name ?? "",
            fullName,
            aliases,
            r.String("capital"),
            r.String("region"),
            r.List("memberships", node => ReadMembership(file, node)),
            r.List("cities", node => ReadCity(file, node)),
            r.List("relations", node => ReadRelation(file, node, code)),
            file.Origin(root.Start))
        {
            MatchOnly = Spellings(file, r, [name, fullName], aliases),
        };
        return code is null || name is null ? null : country;
    }

    private static Membership? ReadMembership(FileContext file, YamlNode node)
    {
        // "- SCO" or "- {organisation: SCO, since: 2001-06-15}"
        if (node is YamlScalarNode { Value: { } name } && name.Trim().Length > 0) return new Membership(name.Trim(), null);
        var r = MappingReader.For(file, node, "membership", MembershipKeys);
        if (r is null) return null;
        var organisation = r.String("organisation", required: true);
        var since = r.Date("since");
        return organisation is null ? null : new Membership(organisation, since);
    }

    private static City? ReadCity(FileContext file, YamlNode node)
    {
        var r = MappingReader.For(file, node, "city", CityKeys);
        if (r is null) return null;
        var name = r.String("name", required: true);
        var aliases = r.Strings("aliases");
        var matchOnly = Spellings(file, r, [name], aliases);
        var latitude = r.Number("latitude", -90, 90);
        var longitude = r.Number("longitude", -180, 180);
        // Both or neither: a city with only one of them could not be placed.
        if (r.Has("latitude") != r.Has("longitude"))
        {
            var (given, missing) = r.Has("latitude") ? ("latitude", "longitude") : ("longitude", "latitude");
            file.Diagnostics.Error(file.Path, r.ValueMark(given), DiagnosticCodes.MissingField, $"a city with a '{given}' needs its '{missing}' too");
        }
        GeoPoint? location = latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null;
        return name is null ? null : new City(name, aliases) { MatchOnly = matchOnly, Location = location };
    }

    private static Relation? ReadRelation(FileContext file, YamlNode node, string? ownCode)
    {
        var r = MappingReader.For(file, node, "relation", RelationKeys);
        if (r is null) return null;
        var with = r.Reference("with", ReferenceKind.Country, required: true);
        if (with is not null && ownCode is not null && string.Equals(with, ownCode, StringComparison.OrdinalIgnoreCase))
            file.Diagnostics.Error(file.Path, r.ValueMark("with"), DiagnosticCodes.BadValue, $"a country cannot have a relation with itself ('{with}')");
        var established = r.Date("established");
        var steps = r.List("partnership", item =>
        {
            var s = MappingReader.For(file, item, "partnership step", PartnershipStepKeys);
            if (s is null) return null;
            var level = s.Enum<PartnershipLevel>("level", required: true);
            var since = s.Date("since", required: true);
            var sources = s.References("sources", ReferenceKind.Source);
            if (since is { } day && established is { } start && day < start)
                file.Diagnostics.Error(file.Path, s.ValueMark("since"), DiagnosticCodes.DateOrder,
                    string.Create(CultureInfo.InvariantCulture, $"partnership step 'since' {day:yyyy-MM-dd} is before relations were 'established' {start:yyyy-MM-dd}"));
            return level is null || since is null ? null : new PartnershipStep(level.Value, since.Value, sources);
        });
        return with is null ? null : new Relation(with.ToUpperInvariant(), established, steps.OrderBy(s => s.Since).ToList());
    }

    // ---- people ----

    public static Person? ReadPerson(FileContext file, YamlMappingNode root)
    {
        var r = new MappingReader(file, root, "person", PersonKeys);
        var id = r.Id("id");
        var name = r.String("name", required: true);
        var aliases = r.Strings("aliases");
        var matchOnly = Spellings(file, r, [name], aliases);
        var country = r.Reference("country", ReferenceKind.Country, required: true);
        var roles = r.List("roles", node =>
        {
            var role = MappingReader.For(file, node, "role", RoleKeys);
            if (role is null) return null;
            var title = role.String("title", required: true);
            var roleCountry = role.Reference("country", ReferenceKind.Country);
            var from = role.Date("from");
            var to = role.Date("to");
            role.CheckOrder("from", from, "to", to);
            return title is null ? null : new PersonRole(title, roleCountry, from, to);
        });
        return id is null || name is null || country is null
            ? null
            : new Person(id, name, aliases, country, roles, file.Origin(root.Start)) { MatchOnly = matchOnly };
    }

    // ---- sources ----

    public static Source? ReadSource(FileContext file, YamlMappingNode root)
    {
        var r = new MappingReader(file, root, "source", SourceKeys);
        var id = r.Id("id");
        var outlet = r.String("outlet", required: true);
        var title = r.String("title");
        var date = r.Date("date");
        var url = r.String("url");
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            file.Diagnostics.Error(file.Path, r.ValueMark("url"), DiagnosticCodes.BadValue, $"'url' '{url}' in source is not an http(s) address");
            url = null;
        }
        var language = r.String("language");
        var dateline = r.String("dateline");
        var received = r.String("dateline_as_received");
        var note = r.String("note");
        var handling = r.Enum<HandlingLevel>("handling") ?? HandlingLevel.Public;
        // What a pack prints must not hold a spelling kept only for matching: the garble belongs in dateline_as_received.
        foreach (var (key, value) in new[] { ("title", title), ("dateline", dateline), ("note", note) })
        {
            if (value is null) continue;
            var at = r.ValueMark(key);
            file.LaterChecks.Add(records => SourceChecks.NoMatchOnlySpelling(records, file, at, key, value));
        }
        return id is null || outlet is null
            ? null
            : new Source(id, outlet, title, date, url, language, note, handling, file.Origin(root.Start))
            {
                Dateline = dateline,
                DatelineAsReceived = received,
            };
    }

    // ---- events ----

    public static Event? ReadEvent(FileContext file, YamlMappingNode root)
    {
        var r = new MappingReader(file, root, "event", EventKeys);
        var id = r.Id("id");
        var name = r.String("name", required: true);
        var aliases = r.Strings("aliases");
        var matchOnly = Spellings(file, r, [name], aliases);
        var kind = r.Enum<EventKind>("kind") ?? EventKind.Other;
        var date = r.Date("date", required: true);
        var endDate = r.Date("end_date");
        r.CheckOrder("date", date, "end_date", endDate);
        var place = r.Mapping("place", "place", PlaceKeys) is { } p ? ReadPlace(p) : null;
        var sources = r.References("sources", ReferenceKind.Source);
        var handling = r.Enum<HandlingLevel>("handling") ?? HandlingLevel.Public;
        return id is null || name is null || date is null
            ? null
            : new Event(id, name, aliases, kind, date.Value, endDate, place, sources, handling, file.Origin(root.Start))
            {
                MatchOnly = matchOnly,
            };
    }

    private static Place? ReadPlace(MappingReader r)
    {
        var city = r.String("city");
        var country = r.Reference("country", ReferenceKind.Country, required: true);
        var venue = r.String("venue");
        return country is null ? null : new Place(city, country, venue);
    }

    // ---- meetings ----

    public static Meeting? ReadMeeting(FileContext file, YamlMappingNode root)
    {
        var r = new MappingReader(file, root, "meeting", MeetingKeys);
        var id = r.Id("id");
        var date = r.Date("date", required: true);
        var endDate = r.Date("end_date");
        r.CheckOrder("date", date, "end_date", endDate);
        var status = r.Enum<MeetingStatus>("status", required: true);
        var kind = r.Enum<MeetingKind>("kind", required: true);
        var title = r.String("title", required: true);
        var host = r.Reference("host", ReferenceKind.Country, required: true);
        var guest = r.Reference("guest", ReferenceKind.Country, required: true);
        if (host is not null && guest is not null && string.Equals(host, guest, StringComparison.OrdinalIgnoreCase))
            file.Diagnostics.Error(file.Path, r.ValueMark("guest"), DiagnosticCodes.BadValue, $"host and guest are the same country ('{host}')");
        var place = r.Mapping("place", "place", PlaceKeys, required: true) is { } p ? ReadPlace(p) : null;
        var ev = r.Reference("event", ReferenceKind.Event);
        var occasion = r.String("occasion");
        var handling = r.Enum<HandlingLevel>("handling") ?? HandlingLevel.Public;

        var sides = new MeetingSides(host, guest, date, id, status);
        var participants = r.List("participants", node => ReadParticipant(file, node, "participant", sides), required: true);
        var delegation = r.List("delegation", node => ReadParticipant(file, node, "delegation member", sides));
        var present = participants.Concat(delegation).Select(p => p.Person).ToHashSet(StringComparer.Ordinal);
        var topics = r.Strings("topics");
        var outcomes = r.List("outcomes", node => ReadOutcome(file, node, handling, sides));
        var statements = r.List("statements", node => ReadStatement(file, node, handling, present, topics));
        var analysis = r.List("analysis", node => ReadAnalysis(file, node, handling));
        var context = r.List("context", node => ReadContext(file, node, handling));
        var sources = r.References("sources", ReferenceKind.Source, required: true);

        if (id is null || date is null || status is null || kind is null || title is null || host is null || guest is null || place is null)
            return null;
        return new Meeting(
            id, date.Value, endDate, status.Value, kind.Value, title, host.ToUpperInvariant(), guest.ToUpperInvariant(), place, ev, occasion,
            participants, delegation, topics, outcomes, statements, analysis, context, sources, handling, file.Origin(root.Start));
    }

    /// <summary>What items of a meeting need to know about the meeting itself for their checks.</summary>
    private sealed record MeetingSides(string? Host, string? Guest, DateOnly? Date, string? Id, MeetingStatus? Status);

    private static Participant? ReadParticipant(FileContext file, YamlNode node, string what, MeetingSides meeting)
    {
        var r = MappingReader.For(file, node, what, ParticipantKeys);
        if (r is null) return null;
        var person = r.Reference("person", ReferenceKind.Person, required: true);
        var role = r.String("role");
        var side = r.Enum<Side>("side", required: true);
        var at = r.ValueMark("person");
        if (person is not null && meeting is { Date: { } date, Id: { } id })
            file.LaterChecks.Add(records => MeetingChecks.RoleCovers(records, file, at, person, date, id));
        if (person is not null && side is { } s && (s == Side.Host ? meeting.Host : meeting.Guest) is { } country)
            file.LaterChecks.Add(records => MeetingChecks.SideMatches(records, file, at, person, s, country));
        return person is null || side is null ? null : new Participant(person, role, side.Value);
    }

    private static Outcome? ReadOutcome(FileContext file, YamlNode node, HandlingLevel inherited, MeetingSides meeting)
    {
        var r = MappingReader.For(file, node, "outcome", OutcomeKeys);
        if (r is null) return null;
        var kind = r.Enum<OutcomeKind>("kind", required: true);
        var text = r.String("text", required: true);
        var from = r.Enum<PartnershipLevel>("from");
        var to = r.Enum<PartnershipLevel>("to", required: kind == OutcomeKind.PartnershipUpgrade);
        if (kind is not null && kind != OutcomeKind.PartnershipUpgrade && (r.Has("from") || r.Has("to")))
            file.Diagnostics.Error(file.Path, r.ValueMark(r.Has("from") ? "from" : "to"), DiagnosticCodes.BadValue,
                "'from' and 'to' belong to outcomes of kind partnership_upgrade only");
        if (from is { } f && to is { } t && t <= f)
            file.Diagnostics.Error(file.Path, r.ValueMark("to"), DiagnosticCodes.BadValue,
                $"'{ControlledList.ToYaml(t)}' is not an upgrade from '{ControlledList.ToYaml(f)}'");
        // Only a meeting that took place changes the relationship; an announced one has nothing to agree with yet.
        if (kind == OutcomeKind.PartnershipUpgrade && to is { } level && meeting is { Host: { } host, Guest: { } guest, Date: { } date, Status: MeetingStatus.Held })
        {
            var at = r.ValueMark("to");
            file.LaterChecks.Add(records => MeetingChecks.UpgradeRecorded(records, file, at, level, host, guest, date));
        }
        var sources = r.References("sources", ReferenceKind.Source);
        var handling = r.Enum<HandlingLevel>("handling") ?? inherited;
        return kind is null || text is null ? null : new Outcome(kind.Value, text, from, to, sources, handling);
    }

    private static Statement? ReadStatement(
        FileContext file, YamlNode node, HandlingLevel inherited, IReadOnlyCollection<string> present, IReadOnlyList<string> agenda)
    {
        var r = MappingReader.For(file, node, "statement", StatementKeys);
        if (r is null) return null;
        var speaker = r.Reference("speaker", ReferenceKind.Person, required: true);
        if (speaker is not null)
        {
            var at = r.ValueMark("speaker");
            file.LaterChecks.Add(records => MeetingChecks.SpeakerPresent(records, file, at, speaker, present));
        }
        var text = r.String("text", required: true);
        var quote = r.Bool("quote");
        var via = r.String("via");
        var topics = StatementTopics(file, r, agenda);
        var sources = r.References("sources", ReferenceKind.Source);
        var handling = r.Enum<HandlingLevel>("handling") ?? inherited;
        return speaker is null || text is null ? null : new Statement(speaker, text, quote, via, sources, handling) { Topics = topics };
    }

    /// <summary>
    /// A statement's <c>topics</c>: each must be one of the meeting's own <c>topics</c> (matched ignoring case, kept as the
    /// agenda writes it); any other is a REC009 error at the item, with the nearest agenda topic suggested.
    /// </summary>
    private static IReadOnlyList<string> StatementTopics(FileContext file, MappingReader r, IReadOnlyList<string> agenda)
    {
        var result = new List<string>();
        var node = r.Node("topics");
        IEnumerable<YamlNode> items = node switch
        {
            null => [],
            YamlSequenceNode sequence => sequence.Children,
            YamlScalarNode => [node],
            _ => [],
        };
        if (node is not null and not YamlSequenceNode and not YamlScalarNode)
            file.Diagnostics.Error(file.Path, node.Start, DiagnosticCodes.BadValue, "'topics' in statement must be a list of the meeting's topics");
        foreach (var item in items)
        {
            if (item is not YamlScalarNode { Value: { } value } || value.Trim().Length == 0)
            {
                file.Diagnostics.Error(file.Path, item.Start, DiagnosticCodes.BadValue, "items of 'topics' in statement must be text");
                continue;
            }
            // Cleaned like the agenda's own items, so the same text matches.
            var topic = r.Checked(value.Trim(), item.Start, "topics");
            var known = agenda.FirstOrDefault(t => string.Equals(t, topic, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                var nearest = agenda.Count == 0 ? null : NameMatching.Nearest(topic, agenda.Select(t => (t, t)));
                var hint = agenda.Count == 0
                    ? "the meeting lists no 'topics'"
                    : nearest is { } near ? $"did you mean '{near}'?" : $"the meeting's topics are {string.Join(", ", agenda.Select(t => $"'{t}'"))}";
                file.Diagnostics.Error(file.Path, item.Start, DiagnosticCodes.UnknownReference,
                    $"unknown topic '{topic}' in statement: a statement's topics must be among the meeting's 'topics'; {hint}");
            }
            else if (!result.Contains(known, StringComparer.Ordinal)) result.Add(known);
        }
        return result;
    }

    private static Analysis? ReadAnalysis(FileContext file, YamlNode node, HandlingLevel inherited)
    {
        var r = MappingReader.For(file, node, "analysis item", AnalysisKeys);
        if (r is null) return null;
        var analyst = r.String("analyst");
        var affiliation = r.String("affiliation");
        var outlet = r.String("outlet", required: true);
        var text = r.String("text", required: true);
        var sources = r.References("sources", ReferenceKind.Source);
        var handling = r.Enum<HandlingLevel>("handling") ?? inherited;
        return outlet is null || text is null ? null : new Analysis(analyst, affiliation, outlet, text, sources, handling);
    }

    private static ContextNote? ReadContext(FileContext file, YamlNode node, HandlingLevel inherited)
    {
        // A bare paragraph is allowed for brevity; it cites nothing and inherits the meeting's handling.
        if (node is YamlScalarNode { Value: { } paragraph } && paragraph.Trim().Length > 0)
            return new ContextNote(paragraph.Trim(), [], inherited);
        var r = MappingReader.For(file, node, "context paragraph", ContextKeys);
        if (r is null) return null;
        var text = r.String("text", required: true);
        var sources = r.References("sources", ReferenceKind.Source);
        var handling = r.Enum<HandlingLevel>("handling") ?? inherited;
        return text is null ? null : new ContextNote(text, sources, handling);
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CountryCodePattern();

    // ---- names ----

    /// <summary>
    /// Reads <c>match_only</c> and checks it against <c>aliases</c> and the record's own names: a spelling that is the name
    /// again (names already match ignoring case and accents), a spelling listed twice, or one that is both an alias and
    /// match-only adds nothing and would print the same name twice, so each is a REC025 warning.
    /// </summary>
    private static IReadOnlyList<string> Spellings(FileContext file, MappingReader r, IReadOnlyList<string?> names, IReadOnlyList<string> aliases)
    {
        var matchOnly = r.Strings("match_only");
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (own, i) in names.Select((n, i) => (n, i)))
            if (own is not null)
                seen.TryAdd(NameMatching.Normalize(own), i == 0 ? "the name" : "the full name");
        foreach (var (key, spellings) in new[] { ("aliases", aliases), ("match_only", matchOnly) })
        {
            foreach (var spelling in spellings)
            {
                var normal = NameMatching.Normalize(spelling);
                if (seen.TryGetValue(normal, out var where))
                    file.Diagnostics.Warning(file.Path, r.ValueMark(key), DiagnosticCodes.RedundantName,
                        $"'{spelling}' in '{key}' repeats {where}: names already match ignoring case, accents and punctuation, so drop it");
                else
                    seen.Add(normal, $"'{spelling}' in '{key}'");
            }
        }
        return matchOnly;
    }
}
