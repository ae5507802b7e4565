using Briefings.Records;

namespace Briefings.Packs.ViewModels;

/// <summary>Builds the views shared by every pack kind, always through the pack's scope (as-of date, audience).</summary>
internal sealed class ViewBuilder(PackScope scope)
{
    public PackScope Scope => scope;

    public CountryView Country(string code)
    {
        if (!scope.Records.Countries.TryGetValue(code, out var country))
            return new CountryView(code, code, null, null, null);
        scope.Used(country.Origin);
        return new CountryView(country.Code, country.Name, country.FullName, country.Capital, country.Region);
    }

    public PlaceView Place(Place place) => new(place.City, scope.CountryName(place.Country), place.Venue);

    public ParticipantView Participant(Participant participant, Meeting meeting, string counterpart)
    {
        var person = scope.Records.People.GetValueOrDefault(participant.Person);
        if (person is not null)
            scope.Used(person.Origin);
        var country = person?.Country ?? (participant.Side == Side.Host ? meeting.Host : meeting.Guest);
        var role = participant.Role ?? scope.Records.RoleOn(participant.Person, meeting.Date);
        return new ParticipantView(participant.Person, person?.Name ?? participant.Person, role,
            participant.Side == Side.Host ? "host" : "guest", scope.CountryName(country),
            string.Equals(country, counterpart, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A meeting as known on the as-of date: an upcoming meeting shows none of its outcomes.
    /// </summary>
    public MeetingSummary Summary(Meeting meeting)
    {
        scope.Used(meeting.Origin);
        var upcoming = scope.IsUpcoming(meeting);
        return new MeetingSummary(
            meeting.Id,
            meeting.Title,
            meeting.Date,
            meeting.EndDate,
            Words.Kind(meeting.Kind),
            upcoming ? "planned" : ControlledList.ToWords(meeting.Status),
            upcoming,
            Place(meeting.Place),
            meeting.Occasion ?? (meeting.Event is { } ev && scope.Records.Events.TryGetValue(ev, out var e) && scope.Visible(e.Handling) ? e.Name : null),
            meeting.Participants.Select(p => scope.PersonName(p.Person)).ToList(),
            meeting.Topics,
            upcoming ? [] : Outcomes(meeting),
            scope.Cite(meeting.Sources))
        {
            IsOverdue = meeting.Status == MeetingStatus.Planned && meeting.LastDay < scope.AsOf,
        };
    }

    public IReadOnlyList<OutcomeView> Outcomes(Meeting meeting) => Outcomes(meeting, _ => true);

    public IReadOnlyList<OutcomeView> Outcomes(Meeting meeting, Func<Outcome, bool> which) =>
        meeting.Outcomes
            .Where(o => scope.Known(o.Handling, o.Sources, meeting.Date) && which(o))
            .Select(o => new OutcomeView(Words.Outcome(o.Kind), o.Text,
                o.From is { } from ? Words.Level(from) : null, o.To is { } to ? Words.Level(to) : null,
                meeting.Date, scope.Cite(SourcesOf(o.Sources, meeting))))
            .ToList();

    public IReadOnlyList<StatementView> Statements(Meeting meeting, Func<Statement, bool> which) =>
        scope.IsUpcoming(meeting)
            ? []
            : meeting.Statements
                .Where(s => scope.Known(s.Handling, s.Sources, meeting.Date) && which(s))
                .Select(s =>
                {
                    var topics = s.Topics.OrderBy(t => Agenda(meeting, t)).ToList();
                    return new StatementView(scope.PersonName(s.Speaker), s.Text, s.IsQuote, s.Via, meeting.Date, meeting.Title, scope.Cite(SourcesOf(s.Sources, meeting)))
                    {
                        Topics = topics,
                        AgendaIndex = topics.Count == 0 ? int.MaxValue : Agenda(meeting, topics[0]),
                    };
                })
                .ToList();

    /// <summary>
    /// What an outcome or statement cites: its own sources, or else the reports of the meeting it belongs to, so every
    /// point a pack prints stays traceable.
    /// </summary>
    private static IReadOnlyList<string> SourcesOf(IReadOnlyList<string> own, Meeting meeting) => own.Count > 0 ? own : meeting.Sources;

    private static int Agenda(Meeting meeting, string topic)
    {
        for (var i = 0; i < meeting.Topics.Count; i++)
            if (string.Equals(meeting.Topics[i], topic, StringComparison.Ordinal)) return i;
        return int.MaxValue;
    }

    /// <summary>The meetings between two countries the pack may mention that took place before <paramref name="before"/>.</summary>
    public IReadOnlyList<Meeting> MeetingsBetween(string home, string counterpart, DateOnly before) =>
        scope.Records.MeetingsWithCountry(counterpart)
            .Where(m => m.Date < before && scope.HeldWith(m, home))
            .ToList();

    /// <param name="home">The country the pack is written for.</param>
    /// <param name="counterpart">The other country.</param>
    /// <param name="meetings">The meetings so far, oldest first, as the pack already summarised them.</param>
    public RelationshipView Relationship(string home, string counterpart, IReadOnlyList<MeetingSummary> meetings)
    {
        var relation = scope.Records.RelationBetween(home, counterpart);
        var steps = relation?.Partnership.Where(s => scope.Known(HandlingLevel.Public, s.Sources, s.Since)).OrderBy(s => s.Since).ToList() ?? [];
        var current = steps.LastOrDefault();
        var established = relation?.Established is { } e && e <= scope.AsOf ? e : (DateOnly?)null;
        return new RelationshipView(
            current is null ? null : Words.Level(current.Level),
            current?.Since,
            established,
            scope.Records.YearsOfRelations(home, counterpart, scope.AsOf),
            meetings.Count,
            meetings.Count == 0 ? null : meetings[^1],
            steps.Select(s => new PartnershipStepView(Words.Level(s.Level), s.Since, scope.Cite(s.Sources))).ToList());
    }

    /// <param name="person">The person described.</param>
    /// <param name="on">The day the roles are for: the meeting's date in a brief, the as-of date in a profile.</param>
    /// <param name="home">The country the pack is written for.</param>
    public BiographyView Biography(Person person, DateOnly on, string home)
    {
        scope.Used(person.Origin);
        // A role is known from the day it began (the one as-of rule), and only roles begun by the day they are for count.
        var roles = person.Roles.Where(r => scope.Known(HandlingLevel.Public, [], r.From) && (r.From is null || r.From <= on)).ToList();
        var attended = scope.Records.MeetingsWithPerson(person.Id)
            .Where(m => m.Date <= on && m.Date <= scope.AsOf && scope.MeetingVisible(m) && m.Status == MeetingStatus.Held)
            .ToList();
        // Titles held on the date: the most recent is the headline role, the others are held alongside it
        // (a president who is also party leader); only titles that had ended are "earlier". Each title held carries its
        // own evidence, so every one shown says whether it is current on the day, not only the first.
        var held = roles.Where(r => r.Covers(on)).OrderByDescending(r => r.From ?? DateOnly.MinValue).ToList();
        var current = held.FirstOrDefault();
        var alongside = held.Skip(1).Select(r => new RoleView(r.Title, r.From, r.To) { Evidence = Evidence(r, attended), On = on }).ToList();
        var earlier = roles.Where(r => !r.Covers(on)).OrderByDescending(r => r.From ?? DateOnly.MinValue)
            .Select(r => new RoleView(r.Title, r.From, r.To)).ToList();
        var before = attended.Where(m => m.Date < on && m.Involves(home)).ToList();
        return new BiographyView(person.Id, person.Name, scope.CountryName(person.Country), current?.Title, current?.From,
            alongside, earlier, before.Count, before.Count == 0 ? null : Summary(before[^1]))
        {
            CurrentRoleEvidence = current is null ? null : Evidence(current, attended),
            On = on,
        };
    }

    /// <summary>
    /// The last day the records show a role held: its end when it has one, else the later of the day it began and the
    /// last meeting the person attended (a record of them at work). An open-ended role is evidence only up to that day.
    /// </summary>
    private static DateOnly? Evidence(PersonRole role, IReadOnlyList<Meeting> attended)
    {
        if (role.To is { } to)
            return to;
        var lastSeen = attended.Where(m => role.Covers(m.Date)).Select(m => (DateOnly?)m.LastDay).Max();
        return lastSeen is { } seen && (role.From is null || seen > role.From) ? seen : role.From;
    }
}
