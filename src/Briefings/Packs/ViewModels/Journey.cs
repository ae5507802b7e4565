using System.Globalization;
using Briefings.Figures;
using Briefings.Records;

namespace Briefings.Packs.ViewModels;

/// <summary>
/// One place of a journey: the consecutive meetings held there, from the first day of the first to the last day of
/// the last, and where the place is on the globe (null when neither the records nor the gazetteer place it).
/// </summary>
/// <param name="City">The city as the meetings' records name it (as it was called then), or null when they name none.</param>
/// <param name="CountryCode">The place's country.</param>
/// <param name="First">First day there.</param>
/// <param name="Last">Last day there.</param>
/// <param name="Location">Where it is; null when it cannot be placed.</param>
/// <param name="Held">Whether any of its meetings is recorded as held by the as-of date.</param>
internal sealed record JourneyStop(string? City, string CountryCode, DateOnly First, DateOnly Last, GeoPoint? Location, bool Held)
{
    /// <summary>Not held, and its last day is still to come on the as-of date: planned, not overdue.</summary>
    public bool Upcoming { get; init; }
}

/// <summary>
/// A leader's journey across a visit (docs/records.md, "Journeys"): the home side's principal of a meeting held outside
/// the home country, and that person's meetings abroad before and after it, each within <see cref="MaxGapDays"/> days
/// of the one before, none at home in between; consecutive meetings in one place make one stop.
/// </summary>
internal static class Journey
{
    /// <summary>The most days between one meeting's last day and the next one's first that still make one trip.</summary>
    public const int MaxGapDays = 2;

    /// <summary>
    /// The stops of the journey <paramref name="meeting"/> belongs to, in order; empty when the meeting is not abroad
    /// for the home side (<paramref name="home"/>) or names no home-side principal. Only meetings the pack may show count
    /// (visible to its audience, not cancelled, and known on the as-of date: held by then, or planned).
    /// </summary>
    public static IReadOnlyList<JourneyStop> Of(Meeting meeting, string home, PackScope scope)
    {
        bool Abroad(Meeting m) => !string.Equals(m.Place.Country, home, StringComparison.OrdinalIgnoreCase);
        string? HomePrincipal(Meeting m) => m.Participants
            .FirstOrDefault(p => string.Equals(p.Side == Side.Host ? m.Host : m.Guest, home, StringComparison.OrdinalIgnoreCase))?.Person;
        var traveller = HomePrincipal(meeting);
        if (traveller is null || !Abroad(meeting))
            return [];

        // The traveller's meetings as a principal (not as a delegation member), in order of date.
        var meetings = scope.Records.MeetingsWithPerson(traveller)
            .Where(m => m == meeting || (m.Participants.Any(p => p.Person == traveller) && scope.MeetingVisible(m)
                && (m.Date <= scope.AsOf || m.Status == MeetingStatus.Planned)))
            .OrderBy(m => m.Date).ThenBy(m => m.LastDay).ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
        var at = meetings.IndexOf(meeting);
        int first = at, last = at;
        // A trip goes on while the next meeting is abroad and close enough; a meeting at home ends it.
        while (first > 0 && Abroad(meetings[first - 1]) && meetings[first].Date.DayNumber - meetings[first - 1].LastDay.DayNumber <= MaxGapDays)
            first--;
        var reach = meetings[at].LastDay;
        while (last + 1 < meetings.Count && Abroad(meetings[last + 1]) && meetings[last + 1].Date.DayNumber - reach.DayNumber <= MaxGapDays)
        {
            last++;
            if (meetings[last].LastDay > reach)
                reach = meetings[last].LastDay;
        }

        var stops = new List<JourneyStop>();
        foreach (var m in meetings.Skip(first).Take(last - first + 1))
        {
            // The pack read these records (its manifest lists them, so editing one renders the pack again).
            scope.Used(m.Origin);
            if (scope.Records.Countries.GetValueOrDefault(m.Place.Country) is { } placeCountry)
                scope.Used(placeCountry.Origin);
            var city = CanonicalCity(m.Place, scope.Records);
            var held = m.Status == MeetingStatus.Held && m.Date <= scope.AsOf;
            var upcoming = !held && m.LastDay >= scope.AsOf;
            if (stops.Count > 0 && string.Equals(stops[^1].CountryCode, m.Place.Country, StringComparison.OrdinalIgnoreCase)
                && SamePlace(CanonicalCity(new Place(stops[^1].City, stops[^1].CountryCode, null), scope.Records), city))
            {
                var previous = stops[^1];
                stops[^1] = previous with { Last = m.LastDay > previous.Last ? m.LastDay : previous.Last, Held = previous.Held || held, Upcoming = previous.Upcoming || upcoming };
                continue;
            }
            stops.Add(new JourneyStop(Printed(m.Place, scope.Records), m.Place.Country.ToUpperInvariant(), m.Date, m.LastDay, Locate(m.Place, scope.Records), held) { Upcoming = upcoming });
        }
        return stops;
    }

    /// <summary>
    /// The city's name as a reader may see it: as the meeting writes it when that is the city record's name or one of its
    /// aliases (Nur-Sultan, as it was called then), else the record's name (a spelling kept only for matching is never printed).
    /// </summary>
    private static string? Printed(Place place, RecordSet records)
    {
        if (City(place, records) is not { } city || place.City is null)
            return place.City;
        return new[] { city.Name }.Concat(city.Aliases).Any(n => string.Equals(n, place.City, StringComparison.OrdinalIgnoreCase)) ? place.City : city.Name;
    }

    private static bool SamePlace(string? a, string? b) =>
        string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The city record's name when the place's city resolves to one city of its country (Nur-Sultan: Astana), else the name as written.</summary>
    private static string? CanonicalCity(Place place, RecordSet records)
    {
        if (place.City is null)
            return null;
        return City(place, records)?.Name ?? place.City;
    }

    private static City? City(Place place, RecordSet records)
    {
        if (place.City is null)
            return null;
        var match = records.ResolveCity(place.City);
        return match.IsResolved && string.Equals(match.Value.Country.Code, place.Country, StringComparison.OrdinalIgnoreCase) ? match.Value.City : null;
    }

    /// <summary>
    /// Where a place is: the city record's own coordinates, else the gazetteer's for any of the city record's names or
    /// the name the meeting gives; null for a place without a city (a country is not a point).
    /// </summary>
    public static GeoPoint? Locate(Place place, RecordSet records)
    {
        if (place.City is null)
            return null;
        var city = City(place, records);
        if (city?.Location is { } own)
            return own;
        IEnumerable<string> names = city is null ? [place.City] : [place.City, city.Name, .. city.Aliases, .. city.MatchOnly];
        return Gazetteer.Find(place.Country, names);
    }

    /// <summary>"14 Sep" or "15–16 Sep" (or across months, "30 Sep – 2 Oct"): a stop's days, short, for a map label.</summary>
    public static string ShortDays(DateOnly first, DateOnly last)
    {
        static string Day(DateOnly d) => d.ToString("d MMM", CultureInfo.InvariantCulture);
        if (first == last)
            return Day(first);
        return first.Month == last.Month && first.Year == last.Year
            ? $"{first.Day.ToString(CultureInfo.InvariantCulture)}–{Day(last)}"
            : $"{Day(first)} – {Day(last)}";
    }
}
