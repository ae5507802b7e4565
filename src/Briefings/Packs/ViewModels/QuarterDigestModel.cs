using Briefings.Records;
using Briefings.Templates;

namespace Briefings.Packs.ViewModels;

/// <summary>A count in the "quarter in numbers" tables: "state visit: 2".</summary>
internal sealed record CountView(string Label, int Count);

/// <summary>A partnership level raised in the period.</summary>
internal sealed record UpgradeView(string Country, string? From, string To, DateOnly Date, TrackedMarkdown Cite);

/// <summary>One line of the digest's calendar: a meeting and the counterpart countries it was with.</summary>
internal sealed record CalendarEntry(MeetingSummary Meeting, IReadOnlyList<string> Counterparts)
{
    /// <summary>The counterparts as they run in a sentence: "the United States".</summary>
    public IReadOnlyList<string> CounterpartsInProse => Counterparts.Select(Words.CountryInProse).ToList();
}

/// <summary>What the period brought with one counterpart country.</summary>
internal sealed record DigestCountryView(
    CountryView Country,
    string? Level,
    IReadOnlyList<MeetingSummary> Meetings,
    IReadOnlyList<OutcomeView> Outcomes,
    IReadOnlyList<StatementView> Statements)
{
    /// <summary>The meetings held, or still ahead on the as-of date.</summary>
    public IReadOnlyList<MeetingSummary> Reported => Meetings.Where(m => !m.IsOverdue).ToList();
    /// <summary>The meetings announced for a day already past with no report that they took place: said of them once, as a group.</summary>
    public IReadOnlyList<MeetingSummary> AnnouncedOnly => Meetings.Where(m => m.IsOverdue).ToList();
}

/// <summary>
/// Everything <c>templates/quarter-digest.sbn</c> can show about the home side's meetings in one period, cut to
/// the as-of date and audience: the period in numbers, a calendar, one section per counterpart country and
/// what is announced for the next quarter.
/// </summary>
internal sealed record QuarterDigestModel
{
    public required PackInfo Pack { get; init; }
    public required CountryView Home { get; init; }
    /// <summary>"Q3 2023", or the dates of a custom range.</summary>
    public required string Period { get; init; }
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    /// <summary>Every meeting of the period the pack may show, held and announced, oldest first.</summary>
    public required IReadOnlyList<CalendarEntry> Calendar { get; init; }
    /// <summary>The calendar's meetings held, or still ahead on the as-of date: its table.</summary>
    public IReadOnlyList<CalendarEntry> CalendarReported => Calendar.Where(c => !c.Meeting.IsOverdue).ToList();
    /// <summary>The calendar's meetings announced for a day already past with no report that they took place: one group, not a status per row.</summary>
    public IReadOnlyList<CalendarEntry> CalendarAnnouncedOnly => Calendar.Where(c => c.Meeting.IsOverdue).ToList();
    public required int Held { get; init; }
    /// <summary>Announced meetings: still ahead on the as-of date, or announced with no report that they took place.</summary>
    public required int Announced { get; init; }
    public required IReadOnlyList<CountView> ByKind { get; init; }
    public required IReadOnlyList<CountView> ByRegion { get; init; }
    /// <summary>Names of the counterpart countries met, most meetings first.</summary>
    public required IReadOnlyList<string> CountriesMet { get; init; }
    /// <summary><see cref="CountriesMet"/> as they run in a sentence: "the United States".</summary>
    public IReadOnlyList<string> CountriesMetInProse => CountriesMet.Select(Words.CountryInProse).ToList();
    /// <summary>Visits the home side's leaders paid (the home side is the guest of a visit).</summary>
    public required int VisitsMade { get; init; }
    /// <summary>Visits the home side received (it hosts a visit).</summary>
    public required int VisitsReceived { get; init; }
    /// <summary>Documents signed, agreements and joint statements recorded for the period's meetings.</summary>
    public required int DocumentsSigned { get; init; }
    public required IReadOnlyList<UpgradeView> Upgrades { get; init; }
    public required IReadOnlyList<DigestCountryView> Countries { get; init; }
    /// <summary>Meetings announced for the next quarter, as known on the as-of date.</summary>
    public required IReadOnlyList<CalendarEntry> NextQuarter { get; init; }
    public required string NextPeriod { get; init; }
    public required IReadOnlyList<NoteView> Notes { get; init; }
    /// <summary>Meetings per quarter by kind over the digest's quarter and the three before (null when thin).</summary>
    public FigureView? KindFigure { get; init; }
    /// <summary>Meetings per quarter by the counterparts' region over the same quarters (null when thin).</summary>
    public FigureView? RegionFigure { get; init; }
    /// <summary>A map of the countries met in the period (null when none was).</summary>
    public FigureView? MapFigure { get; init; }
}

internal static class QuarterDigestBuilder
{
    /// <summary>Statements per country section: the quotes first, then the principals' reported words.</summary>
    private const int StatementsPerCountry = 3;

    public static QuarterDigestModel Build(DigestPackRequest request, PackScope scope, string home, string packName, string marking)
    {
        var views = new ViewBuilder(scope);
        var homeView = views.Country(home);
        var meetings = scope.Records.MeetingsBetween(request.From, request.To)
            .Where(m => m.Involves(home) && scope.MeetingVisible(m))
            .ToList();
        var calendar = meetings.Select(m => Entry(views, scope, m, home)).ToList();
        var held = calendar.Count(c => !c.Meeting.IsUpcoming);

        var byKind = meetings.GroupBy(m => m.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => new CountView(Words.Kind(g.Key), g.Count())).ToList();
        var counterpartsByMeeting = meetings.ToDictionary(m => m.Id, m => Counterparts(m, home));
        var byRegion = meetings
            .SelectMany(m => counterpartsByMeeting[m.Id].Select(code => (Meeting: m.Id, Region: RegionOf(scope, code))))
            .DistinctBy(x => (x.Meeting, x.Region))
            .GroupBy(x => x.Region)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CountView(g.Key, g.Count())).ToList();

        var countryCodes = meetings.SelectMany(m => counterpartsByMeeting[m.Id])
            .GroupBy(c => c, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => scope.CountryName(g.Key), StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();

        var heldMeetings = meetings.Where(m => !scope.IsUpcoming(m)).ToList();
        var documents = heldMeetings.Sum(m => views.Outcomes(m, History.IsDocument).Count);
        var upgrades = new List<UpgradeView>();
        foreach (var meeting in heldMeetings)
        {
            foreach (var outcome in views.Outcomes(meeting, o => o.Kind == OutcomeKind.PartnershipUpgrade && o.To is not null))
            {
                var country = string.Join(", ", counterpartsByMeeting[meeting.Id].Select(scope.CountryName));
                upgrades.Add(new UpgradeView(country, outcome.From, outcome.To!, meeting.Date, outcome.Cite));
            }
        }

        var entryOf = meetings.Zip(calendar).ToDictionary(p => p.First.Id, p => p.Second.Meeting, StringComparer.Ordinal);
        var meetingsWith = meetings
            .SelectMany(m => counterpartsByMeeting[m.Id].Select(code => (Code: code, Meeting: m)))
            .ToLookup(x => x.Code, x => x.Meeting, StringComparer.OrdinalIgnoreCase);
        var sections = countryCodes.Select(code =>
        {
            var with = meetingsWith[code].Distinct().ToList();
            var level = scope.Records.RelationBetween(home, code)?.Partnership
                .Where(s => s.Since <= scope.AsOf).OrderBy(s => s.Since).LastOrDefault();
            var statements = with.SelectMany(m => views.Statements(m, s => true))
                .OrderByDescending(s => s.IsQuote)
                .Take(StatementsPerCountry)
                .ToList();
            return new DigestCountryView(
                views.Country(code),
                level is null ? null : Words.Level(level.Level),
                with.Select(m => entryOf[m.Id]).ToList(),
                with.Where(m => !scope.IsUpcoming(m)).SelectMany(m => views.Outcomes(m)).ToList(),
                statements);
        }).ToList();

        var next = Quarter.Of(request.To).Next();
        var nextMeetings = scope.Records.MeetingsBetween(next.Start, next.End)
            .Where(m => m.Involves(home) && scope.MeetingVisible(m) && m.Date > scope.AsOf && scope.Known(m.Handling, m.Sources, happened: null))
            .Select(m => Entry(views, scope, m, home))
            .ToList();

        // The figures look back over four quarters: the digest's and the three before, so a change shows.
        var last = Quarter.Of(request.To);
        var quarters = new List<Quarter> { last };
        while (quarters.Count < 4)
        {
            var q = quarters[0];
            quarters.Insert(0, q.Number == 1 ? new Quarter(q.Year - 1, 4) : new Quarter(q.Year, q.Number - 1));
        }
        var window = scope.Records.MeetingsBetween(quarters[0].Start, last.End < request.To ? request.To : last.End)
            .Where(m => m.Involves(home) && scope.MeetingVisible(m))
            .ToList();
        var kindFigure = FigureViews.PerQuarter(quarters, window.Select(m => (m.Date, Words.Kind(m.Kind))).ToList(), "kind");
        var regionFigure = FigureViews.PerQuarter(quarters,
            window.SelectMany(m => Counterparts(m, home).Select(code => (m.Date, RegionOf(scope, code))).Distinct()).ToList(), "region of the counterpart");
        var metCountries = countryCodes.Select(code => scope.Records.Countries.GetValueOrDefault(code)).OfType<Country>().ToList();
        var mapFigure = FigureViews.Map(scope.Records.Countries.GetValueOrDefault(home), metCountries, request.Label);

        var title = $"Quarterly digest: {request.Label}";
        return new QuarterDigestModel
        {
            Pack = new PackInfo(packName, title, $"{homeView.Name}'s leader-level diplomacy, {request.Label}", scope.AsOf,
                scope.Audience.Name(), marking, ["quarterly digest", request.Label, .. countryCodes.Take(4).Select(scope.CountryName)]),
            Home = homeView,
            Period = request.Label,
            From = request.From,
            To = request.To,
            Calendar = calendar,
            Held = held,
            Announced = calendar.Count - held,
            ByKind = byKind,
            ByRegion = byRegion,
            CountriesMet = countryCodes.Select(scope.CountryName).ToList(),
            VisitsMade = heldMeetings.Count(m => Words.IsVisit(m.Kind) && string.Equals(m.Guest, home, StringComparison.OrdinalIgnoreCase)),
            VisitsReceived = heldMeetings.Count(m => Words.IsVisit(m.Kind) && string.Equals(m.Host, home, StringComparison.OrdinalIgnoreCase)),
            DocumentsSigned = documents,
            Upgrades = upgrades,
            Countries = sections,
            NextQuarter = nextMeetings,
            NextPeriod = $"Q{next.Number} {next.Year}",
            Notes = scope.CitedNotes(),
            KindFigure = kindFigure,
            RegionFigure = regionFigure,
            MapFigure = mapFigure,
        };
    }

    /// <summary>The countries the home side met: the other side, or the event's host for a summit the home side attended.</summary>
    private static IReadOnlyList<string> Counterparts(Meeting meeting, string home)
    {
        var others = meeting.Countries.Where(c => !string.Equals(c, home, StringComparison.OrdinalIgnoreCase)).ToList();
        return others.Count > 0 ? others : [meeting.Place.Country];
    }

    private static string RegionOf(PackScope scope, string code) =>
        scope.Records.Countries.TryGetValue(code, out var country) && !string.IsNullOrWhiteSpace(country.Region)
            ? country.Region!
            : "Region not recorded";

    private static CalendarEntry Entry(ViewBuilder views, PackScope scope, Meeting meeting, string home) =>
        new(views.Summary(meeting), Counterparts(meeting, home).Select(scope.CountryName).ToList());
}
