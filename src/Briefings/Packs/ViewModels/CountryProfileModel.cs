using Briefings.Records;

namespace Briefings.Packs.ViewModels;

/// <summary>
/// Everything <c>templates/country-profile.sbn</c> can show about one country, cut to the as-of date and audience.
/// </summary>
internal sealed record CountryProfileModel
{
    public required PackInfo Pack { get; init; }
    public required CountryView Country { get; init; }
    public required CountryView Home { get; init; }
    public required IReadOnlyList<string> Aliases { get; init; }
    public required IReadOnlyList<MembershipView> Memberships { get; init; }
    public required RelationshipView Relationship { get; init; }
    /// <summary>People of the country with the roles they held on the as-of date (leaders first).</summary>
    public required IReadOnlyList<BiographyView> Leaders { get; init; }
    /// <summary>
    /// Every meeting with the home country up to the as-of date, oldest first: those held, and those announced for a
    /// day that has passed with no report that they took place (<see cref="MeetingSummary.IsOverdue"/>).
    /// </summary>
    public required IReadOnlyList<MeetingSummary> Meetings { get; init; }
    /// <summary>
    /// The meetings shown in full: all of them for a short history, the latest <see cref="History.Recent"/> for a long
    /// one, whose earlier meetings are in <see cref="EarlierYears"/>. Documents, quotes and statements come from these.
    /// </summary>
    public required IReadOnlyList<MeetingSummary> RecentMeetings { get; init; }
    /// <summary>The recent meetings held (the table and a section each).</summary>
    public IReadOnlyList<MeetingSummary> RecentReported => RecentMeetings.Where(m => !m.IsOverdue).ToList();
    /// <summary>The recent meetings announced for a day already past with no report that they took place: one group, not a status per row.</summary>
    public IReadOnlyList<MeetingSummary> RecentAnnouncedOnly => RecentMeetings.Where(m => m.IsOverdue).ToList();
    /// <summary>The meetings before <see cref="RecentMeetings"/>, summarised by year, newest first (empty for a short history).</summary>
    public required IReadOnlyList<YearSummary> EarlierYears { get; init; }
    /// <summary>How many of <see cref="Meetings"/> are recorded as held.</summary>
    public int HeldCount { get; init; }
    /// <summary>Someone of the country holds a role on the as-of date, on current or older evidence.</summary>
    public bool AnyCurrentRole => Leaders.Any(l => l.CurrentRole is not null);
    /// <summary>The profile of the home country itself: its meetings are with every other country.</summary>
    public bool IsHome { get; init; }
    /// <summary>Meetings announced for the as-of date or later (an announcement whose day has passed is not news).</summary>
    public required IReadOnlyList<MeetingSummary> Upcoming { get; init; }
    /// <summary>Documents signed, agreements and joint statements from those meetings.</summary>
    public required IReadOnlyList<OutcomeView> Documents { get; init; }
    /// <summary>Words quoted directly in the sources.</summary>
    public required IReadOnlyList<StatementView> Quotes { get; init; }
    /// <summary>Everything the country's people are recorded as saying at those meetings, quoted or reported.</summary>
    public required IReadOnlyList<StatementView> Statements { get; init; }
    /// <summary>The source footnotes, filled as the template prints their marks: print them last.</summary>
    public required IReadOnlyList<NoteView> Notes { get; init; }
    /// <summary>A timeline of the meetings with the home country (null for fewer than two).</summary>
    public FigureView? TimelineFigure { get; init; }
    /// <summary>The partnership level over time as a step line (null for fewer than two recorded levels).</summary>
    public FigureView? PartnershipFigure { get; init; }
}

internal static class CountryProfileBuilder
{
    public static CountryProfileModel Build(Country country, PackScope scope, string home, string packName, string marking)
    {
        var views = new ViewBuilder(scope);
        var countryView = views.Country(country.Code);

        var held = scope.Records.MeetingsWithCountry(country.Code)
            .Where(m => scope.HeldWith(m, home))
            .ToList();
        var upcoming = scope.Records.MeetingsWithCountry(country.Code)
            .Where(m => m.Involves(home) && scope.MeetingVisible(m) && m.Status == MeetingStatus.Planned && m.Date >= scope.AsOf)
            .Select(views.Summary)
            .ToList();
        // An announced meeting whose day has passed stays on record as announced, so the count agrees with
        // `list countries` and the reader sees it was expected.
        var overdue = scope.Records.MeetingsWithCountry(country.Code)
            .Where(m => m.Involves(home) && scope.MeetingVisible(m) && m.Status == MeetingStatus.Planned && m.Date < scope.AsOf);
        var all = held.Concat(overdue).OrderBy(m => m.Date).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        var summaries = all.Select(views.Summary).ToList();
        var summaryOf = new Dictionary<Meeting, MeetingSummary>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < all.Count; i++)
            summaryOf[all[i]] = summaries[i];
        var meetings = summaries;
        // A long history: the latest meetings in full, the earlier ones by year; the lists below follow the recent ones.
        var (earlier, recentMeetings) = History.Split(all);
        var recent = recentMeetings.ToHashSet(ReferenceEqualityComparer.Instance);
        var recentHeld = held.Where(recent.Contains).ToList();

        var documents = recentHeld.SelectMany(m => views.Outcomes(m, History.IsDocument)).ToList();
        var quotes = recentHeld.SelectMany(m => views.Statements(m, s => s.IsQuote)).ToList();
        bool SpokeForCountry(Records.Statement s) =>
            string.Equals(scope.Records.People.GetValueOrDefault(s.Speaker)?.Country, country.Code, StringComparison.OrdinalIgnoreCase);
        var statements = recentHeld.SelectMany(m => views.Statements(m, s => !s.IsQuote && SpokeForCountry(s))).ToList();

        var leaders = scope.Records.People.Values
            .Where(p => string.Equals(p.Country, country.Code, StringComparison.OrdinalIgnoreCase))
            .Select(p => views.Biography(p, scope.AsOf, home))
            .Where(b => b.CurrentRole is not null || b.EarlierRoles.Count > 0)
            .OrderBy(b => b.IsCurrent ? 0 : b.CurrentRole is not null ? 1 : 2)
            .ThenByDescending(b => b.MeetingsBefore)
            .ThenBy(b => b.Name, StringComparer.Ordinal)
            .ToList();

        return new CountryProfileModel
        {
            Pack = new PackInfo(packName, $"Country profile: {country.Name}", country.FullName, scope.AsOf,
                scope.Audience.Name(), marking, [country.Name, "country profile", .. country.Memberships.Select(m => m.Organisation).Take(4)]),
            Country = countryView,
            Home = views.Country(home),
            Aliases = DisplayNames(country),
            Memberships = country.Memberships.Where(m => m.Since is null || m.Since <= scope.AsOf)
                .Select(m => new MembershipView(m.Organisation, m.Since)).ToList(),
            Relationship = views.Relationship(home, country.Code, held.Select(m => summaryOf[m]).ToList()),
            HeldCount = held.Count,
            IsHome = string.Equals(country.Code, home, StringComparison.OrdinalIgnoreCase),
            Leaders = leaders,
            Meetings = meetings,
            RecentMeetings = summaries.Skip(earlier.Count).ToList(),
            EarlierYears = History.ByYear(earlier, scope),
            Upcoming = upcoming,
            Documents = documents,
            Quotes = quotes,
            Statements = statements,
            Notes = scope.CitedNotes(),
            TimelineFigure = FigureViews.Timeline(summaries,
                string.Equals(country.Code, home, StringComparison.OrdinalIgnoreCase) ? $"of {countryView.Name}'s leaders" : $"between {views.Country(home).Name} and {countryView.Name}"),
            PartnershipFigure = FigureViews.Partnership(scope.Records.RelationBetween(home, country.Code), scope.AsOf,
                $"between {views.Country(home).Name} and {countryView.Name}"),
        };
    }

    /// <summary>
    /// The other names a reader may see: the aliases, never the match-only spellings, and never a name again in other
    /// capitals or accents ("UzbekiStan" beside Uzbekistan) or twice.
    /// </summary>
    private static IReadOnlyList<string> DisplayNames(Country country)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { NameMatching.Normalize(country.Name) };
        if (country.FullName is { } full)
            seen.Add(NameMatching.Normalize(full));
        return country.Aliases.Where(a => seen.Add(NameMatching.Normalize(a))).ToList();
    }
}
