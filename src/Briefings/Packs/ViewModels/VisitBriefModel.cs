using Briefings.Records;
using Briefings.Templates;

namespace Briefings.Packs.ViewModels;

/// <summary>
/// Everything <c>templates/visit-brief.sbn</c> can show about one meeting, already cut to what was known on the
/// as-of date and to the audience. The home side is the pack's perspective (China); the counterpart is the other side.
/// </summary>
internal sealed record VisitBriefModel
{
    public required PackInfo Pack { get; init; }
    public required MeetingSummary Meeting { get; init; }
    /// <summary>How the meeting came about: state visit, talks on the sidelines ...; with the host and the guest country.</summary>
    public required CountryView Host { get; init; }
    public required CountryView Guest { get; init; }
    public required CountryView Home { get; init; }
    public required CountryView Counterpart { get; init; }
    /// <summary>The first participant on each side, normally the leaders.</summary>
    public ParticipantView? HomePrincipal { get; init; }
    public ParticipantView? CounterpartPrincipal { get; init; }
    /// <summary>The guest side's principal: the one who travels on a visit.</summary>
    public ParticipantView? Traveller { get; init; }
    /// <summary>The traveller's visits to the host country in the meeting's year, this one included (0 when not a visit).</summary>
    public int VisitNumberInYear { get; init; }
    public int Year { get; init; }
    /// <summary>
    /// The traveller's programme around this meeting: every meeting they attend within three days of it,
    /// this one included, in date order (a trip to Astana, then Samarkand).
    /// </summary>
    public required IReadOnlyList<ProgrammeItem> Programme { get; init; }
    /// <summary>The programme's stops held, ahead, or this meeting.</summary>
    public IReadOnlyList<ProgrammeItem> ProgrammeReported => Programme.Where(p => p.IsThis || !p.Meeting.IsOverdue).ToList();
    /// <summary>The programme's stops announced for a day already past with no report that they took place: one group.</summary>
    public IReadOnlyList<ProgrammeItem> ProgrammeAnnouncedOnly => Programme.Where(p => !p.IsThis && p.Meeting.IsOverdue).ToList();
    public required IReadOnlyList<ParticipantView> Participants { get; init; }
    public required IReadOnlyList<ParticipantView> Delegation { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
    /// <summary>The home side's messages: delivered at this meeting once it has taken place, else those of the last meeting.</summary>
    public required IReadOnlyList<StatementView> KeyMessages { get; init; }
    /// <summary>The counterpart's stated positions, chosen the same way.</summary>
    public required IReadOnlyList<StatementView> CounterpartPositions { get; init; }
    /// <summary>
    /// What the counterpart raised in its own words, reported rather than quoted: before a meeting these are the
    /// asks to answer, so they go with the points to make; the direct quotations stay with "what they said".
    /// </summary>
    public IReadOnlyList<StatementView> CounterpartAsks => CounterpartPositions.Where(s => !s.IsQuote).ToList();
    /// <summary><see cref="KeyMessages"/> grouped by agenda topic, untopical last (<see cref="TopicGroups"/>).</summary>
    public IReadOnlyList<PlacedStatement> KeyMessagesByTopic => TopicGroups.Arrange(KeyMessages);
    /// <summary><see cref="CounterpartAsks"/> grouped by agenda topic.</summary>
    public IReadOnlyList<PlacedStatement> CounterpartAsksByTopic => TopicGroups.Arrange(CounterpartAsks);
    /// <summary>
    /// The brief looks back on a meeting that took place before its as-of date: roles in it are those held at the
    /// meeting, and say so, since they may have ended since.
    /// </summary>
    public bool LooksBack => !Meeting.IsUpcoming && Meeting.Date < Pack.AsOf;
    /// <summary>The meeting the messages come from, when they come from an earlier one.</summary>
    public MeetingSummary? MessagesFrom { get; init; }
    public required RelationshipView Relationship { get; init; }
    public required IReadOnlyList<MeetingSummary> PriorMeetings { get; init; }
    /// <summary>Outcomes of earlier meetings: documents signed, agreements, statements, upgrades.</summary>
    public required IReadOnlyList<OutcomeView> PreviousCommitments { get; init; }
    public required IReadOnlyList<TextView> Context { get; init; }
    public required IReadOnlyList<AnalysisView> Analysis { get; init; }
    public required IReadOnlyList<BiographyView> Biographies { get; init; }
    /// <summary>The source footnotes, filled as the template prints their marks: print them last.</summary>
    public required IReadOnlyList<NoteView> Notes { get; init; }
    /// <summary>Time from the last meeting to this one: "nine months".</summary>
    public DateOnly? LastMeetingDate { get; init; }
    /// <summary>A visit: one side travels to the other (state, official, working, private visit).</summary>
    public bool IsVisit { get; init; }
    /// <summary>A multilateral summit: the other side is the host country of the summit, not a counterpart.</summary>
    public bool IsMultilateral { get; init; }
    /// <summary>
    /// The country that hosted the occasion: the host side, or for talks at a third location (Phnom Penh, Samarkand)
    /// the country of the place, which hosts the event both sides attend.
    /// </summary>
    public required CountryView Venue { get; init; }
    /// <summary>
    /// The map of the home principal's journey this meeting is part of (<see cref="Journey"/>): null when the journey
    /// has one place, or the meeting is at home.
    /// </summary>
    public FigureView? RouteFigure { get; init; }
    /// <summary>The journey's first day (for the route map's caption); null without a route map.</summary>
    public DateOnly? RouteFrom { get; init; }
    /// <summary>The journey's last day; null without a route map.</summary>
    public DateOnly? RouteTo { get; init; }
}

internal static class VisitBriefBuilder
{
    public static VisitBriefModel Build(Meeting meeting, PackScope scope, string home, string packName, string marking)
    {
        var views = new ViewBuilder(scope);
        var counterpart = string.Equals(meeting.Host, home, StringComparison.OrdinalIgnoreCase) ? meeting.Guest : meeting.Host;
        var summary = views.Summary(meeting);
        var upcoming = summary.IsUpcoming;

        var participants = meeting.Participants.Select(p => views.Participant(p, meeting, counterpart)).ToList();
        var delegation = meeting.Delegation.Select(p => views.Participant(p, meeting, counterpart)).ToList();
        var homePrincipal = participants.FirstOrDefault(p => !p.IsCounterpart);
        var counterpartPrincipal = participants.FirstOrDefault(p => p.IsCounterpart);
        var traveller = participants.FirstOrDefault(p => p.Side == "guest");

        var prior = views.MeetingsBetween(home, counterpart, meeting.Date);
        var priorSummaries = prior.Select(views.Summary).ToList();

        bool IsHomeSide(Statement s) =>
            string.Equals(scope.Records.People.GetValueOrDefault(s.Speaker)?.Country, home, StringComparison.OrdinalIgnoreCase);

        // Once the meeting has happened its own statements are the messages; before it, the last meeting's.
        var messageSource = upcoming ? prior.LastOrDefault(m => m.Statements.Count > 0) : meeting;
        var keyMessages = messageSource is null ? [] : views.Statements(messageSource, IsHomeSide);
        var positions = messageSource is null ? [] : views.Statements(messageSource, s => !IsHomeSide(s));

        var commitments = prior.SelectMany(views.Outcomes).ToList();

        // Background and analysis have no date of their own: known from their earliest source (analysis published
        // before the meeting belongs in the pre-trip brief), or from the meeting's date when they cite none.
        var context = meeting.Context
            .Where(c => scope.Known(c.Handling, c.Sources, happened: null, undatedFrom: meeting.Date))
            .Select(c => new TextView(c.Text, scope.Cite(c.Sources)))
            .ToList();
        var analysis = meeting.Analysis.Where(a => scope.Known(a.Handling, a.Sources, happened: null, undatedFrom: meeting.Date))
            .Select(a => new AnalysisView(a.Analyst, a.Affiliation, a.Outlet, a.Text, scope.Cite(a.Sources)))
            .ToList();
        // One attribution under a run of items by the same analyst and outlet, not the same line under each.
        for (var i = 0; i < analysis.Count; i++)
            analysis[i] = analysis[i] with { AttributeAfter = i == analysis.Count - 1 || analysis[i + 1].Attribution != analysis[i].Attribution };

        var biographies = meeting.Participants.Concat(meeting.Delegation)
            .Select(p => scope.Records.People.GetValueOrDefault(p.Person))
            .OfType<Person>()
            .Where(p => string.Equals(p.Country, counterpart, StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .Select(p => views.Biography(p, meeting.Date, home))
            .ToList();

        var visitNumber = 0;
        if (traveller is not null && Words.IsVisit(meeting.Kind))
        {
            visitNumber = scope.Records.MeetingsWithPerson(traveller.Id)
                .Count(m => m.Date.Year == meeting.Date.Year && m.Date <= meeting.Date && Words.IsVisit(m.Kind)
                    && m.Host == meeting.Host && scope.MeetingVisible(m)
                    && m.Participants.Any(p => p.Person == traveller.Id && p.Side == Side.Guest));
        }

        var programme = new List<ProgrammeItem>();
        if (traveller is not null)
        {
            programme = scope.Records.MeetingsWithPerson(traveller.Id)
                .Where(m => m.Date >= meeting.Date.AddDays(-3) && m.Date <= meeting.LastDay.AddDays(3) && scope.MeetingVisible(m)
                    && (m.Date <= scope.AsOf || m.Status == MeetingStatus.Planned || m == meeting))
                .Select(m => new ProgrammeItem(m == meeting ? summary : views.Summary(m), m == meeting))
                .ToList();
        }

        var relationship = views.Relationship(home, counterpart, priorSummaries);
        var hostCountry = views.Country(meeting.Host);
        var guestCountry = views.Country(meeting.Guest);
        var placeCountry = meeting.Place.Country;
        var thirdLocation = !meeting.Involves(placeCountry);
        var multilateral = meeting.Kind == MeetingKind.MultilateralSummit;
        var title = Words.IsVisit(meeting.Kind) && traveller is not null
            ? $"{traveller.Name}: {Words.Kind(meeting.Kind)} to {hostCountry.Name}"
            : multilateral
                ? $"{summary.Occasion ?? $"{Capitalise(Words.Kind(meeting.Kind))} in {summary.Place.City ?? hostCountry.Name}"}: {homePrincipal?.Name ?? views.Country(home).Name}"
                : $"{Capitalise(Words.Kind(meeting.Kind))}: {string.Join(" and ", participants.Take(2).Select(p => p.Name))}";

        var journey = Journey.Of(meeting, home, scope);
        var route = homePrincipal is null ? null
            : FigureViews.Route(homePrincipal.Name, scope.Records.Countries.GetValueOrDefault(home), journey, code => scope.Records.Countries.GetValueOrDefault(code));

        return new VisitBriefModel
        {
            Pack = new PackInfo(packName, title, meeting.Title, scope.AsOf, scope.Audience.Name(), marking,
                [scope.CountryName(counterpart), Words.Kind(meeting.Kind), .. meeting.Topics.Take(5)]),
            Meeting = summary,
            Host = hostCountry,
            Guest = guestCountry,
            Home = views.Country(home),
            Counterpart = views.Country(counterpart),
            HomePrincipal = homePrincipal,
            CounterpartPrincipal = counterpartPrincipal,
            Traveller = traveller,
            VisitNumberInYear = visitNumber,
            Year = meeting.Date.Year,
            Programme = programme,
            Participants = participants,
            Delegation = delegation,
            Topics = meeting.Topics,
            KeyMessages = keyMessages,
            CounterpartPositions = positions,
            MessagesFrom = messageSource is null || messageSource == meeting ? null : views.Summary(messageSource),
            Relationship = relationship,
            PriorMeetings = priorSummaries,
            PreviousCommitments = commitments,
            Context = context,
            Analysis = analysis,
            Biographies = biographies,
            LastMeetingDate = prior.LastOrDefault()?.Date,
            IsVisit = Words.IsVisit(meeting.Kind),
            IsMultilateral = multilateral,
            Venue = thirdLocation ? views.Country(placeCountry) : hostCountry,
            RouteFigure = route,
            RouteFrom = route is null ? null : journey[0].First,
            RouteTo = route is null ? null : journey.Max(s => s.Last),
            // Read while the template runs: only sources whose marks were printed.
            Notes = scope.CitedNotes(),
        };
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
