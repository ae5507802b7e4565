using System.Globalization;
using Briefings.Records;

namespace Briefings.Packs.ViewModels;

/// <summary>
/// The data of one figure as a template prints it into a <c>::: figure</c> container: the alternative text that
/// states the data, the header and rows of its data table, and, for a step line, its levels and end date.
/// A figure whose data is too thin to say anything (one point is not a chart) is never made: the view model holds null.
/// </summary>
public sealed record FigureView(string Alt, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Step lines: the levels, lowest first, joined by "; ".</summary>
    public string? Levels { get; init; }
    /// <summary>Step lines: where the line ends (the as-of date, yyyy-MM-dd).</summary>
    public string? Until { get; init; }
}

internal static class FigureViews
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
    private static string Label(Quarter q) => $"Q{q.Number} {q.Year}";

    /// <summary>
    /// Meetings per quarter, one segment per group (kind or region), over the <paramref name="quarters"/> up to the
    /// digest's: null unless at least two quarters have meetings (one bar is not a trend).
    /// </summary>
    public static FigureView? PerQuarter(IReadOnlyList<Quarter> quarters, IReadOnlyList<(DateOnly Date, string Group)> meetings, string what)
    {
        var counted = quarters.Select(q => (Quarter: q, Groups: meetings.Where(m => q.Contains(m.Date)).GroupBy(m => m.Group).ToDictionary(g => g.Key, g => g.Count()))).ToList();
        if (counted.Count(c => c.Groups.Count > 0) < 2)
            return null;
        var groups = meetings.GroupBy(m => m.Group).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        var rows = counted.Select(c => (IReadOnlyList<string>)[Label(c.Quarter), .. groups.Select(g => c.Groups.GetValueOrDefault(g).ToString(CultureInfo.InvariantCulture))]).ToList();
        var parts = counted.Select(c =>
        {
            var total = c.Groups.Values.Sum();
            if (total == 0)
                return $"{Label(c.Quarter)}: none";
            var detail = string.Join(", ", c.Groups.OrderByDescending(g => g.Value).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Value}"));
            return $"{Label(c.Quarter)}: {total} ({detail})";
        });
        var alt = $"Bar chart of meetings per quarter by {what}, {Label(quarters[0])} to {Label(quarters[^1])}. {string.Join("; ", parts)}.";
        return new FigureView(alt, ["Quarter", .. groups], rows);
    }

    /// <summary>A timeline of meetings (date and kind): null unless the meetings fall on at least two dates (meetings on one day are one point in time, not a timeline).</summary>
    public static FigureView? Timeline(IReadOnlyList<MeetingSummary> meetings, string with)
    {
        if (meetings.Select(m => m.Date).Distinct().Count() < 2)
            return null;
        // The status is written only for a meeting not held (a shorter row reads as held): a long record stays short.
        var rows = meetings.Select(m => m.Status == "held" ? (IReadOnlyList<string>)[Iso(m.Date), m.Kind] : [Iso(m.Date), m.Kind, m.Status]).ToList();
        static string Note(MeetingSummary m) => m.Status switch
        {
            "held" => "",
            "cancelled" => " (announced, then cancelled: hollow marker)",
            _ => " (announced, not yet held: hollow marker)",
        };
        var alt = $"Timeline of {meetings.Count} meetings {with}, {Long(meetings[0].Date)} to {Long(meetings[^1].Date)}, one row per kind: "
            + string.Join("; ", meetings.Select(m => $"{Long(m.Date)}, {m.Kind}{Note(m)}")) + ".";
        return new FigureView(alt, meetings.All(m => m.Status == "held") ? ["Date", "Kind"] : ["Date", "Kind", "Status"], rows);
    }

    /// <summary>The partnership level over time as a step line: null for fewer than two recorded levels up to the as-of date.</summary>
    public static FigureView? Partnership(Relation? relation, DateOnly asOf, string between)
    {
        var steps = relation?.Partnership.Where(s => s.Since <= asOf).OrderBy(s => s.Since).ToList() ?? [];
        if (steps.Count < 2)
            return null;
        var levels = steps.Select(s => s.Level).Distinct().Order().Select(Words.Level).ToList();
        var rows = steps.Select(s => (IReadOnlyList<string>)[Iso(s.Since), Words.Level(s.Level)]).ToList();
        var alt = $"Step chart of the partnership level {between} to {Long(asOf)}: "
            + string.Join("; ", steps.Select(s => $"{Words.Level(s.Level)} from {Long(s.Since)}")) + ".";
        return new FigureView(alt, ["Since", "Level"], rows) { Levels = string.Join("; ", levels), Until = Iso(asOf) };
    }

    /// <summary>A map of the countries met, the home country marked: null when no other country was met.</summary>
    public static FigureView? Map(Country? home, IReadOnlyList<Country> met, string period)
    {
        if (met.Count == 0)
            return null;
        static IReadOnlyList<string> Row(Country c, string role) =>
            [c.Name, role, string.Join("; ", new[] { c.FullName }.Concat(c.Aliases).OfType<string>())];
        var rows = met.Select(c => Row(c, "met")).ToList();
        if (home is not null)
            rows.Insert(0, Row(home, "home"));
        var alt = $"Map of the countries {(home is null ? "" : home.Name + "'s leaders ")}met in {period}: {Join(met.Select(c => c.Name).ToList())}"
            + (home is null ? "." : $"; {home.Name} is shaded lighter.");
        return new FigureView(alt, ["Country", "Role", "Other names"], rows);
    }

    /// <summary>
    /// A map of a journey (<see cref="Journey"/>): the stops in order, each a point with its place and days, joined by
    /// arrows; the countries visited shaded, the home country lighter. Null unless the journey has two stops or more that
    /// can be placed (one place is not a route).
    /// </summary>
    public static FigureView? Route(string traveller, Country? home, IReadOnlyList<JourneyStop> stops, Func<string, Country?> country)
    {
        var placed = stops.Where(s => s.Location is not null).ToList();
        if (stops.Count < 2 || placed.Count < 2)
            return null;
        static IReadOnlyList<string> CountryRow(Country c, string role) =>
            [c.Name, role, string.Join("; ", new[] { c.FullName }.Concat(c.Aliases).OfType<string>()), "", ""];
        string CountryName(string code) => country(code)?.Name ?? code;
        string Where(JourneyStop s) => s.City is null ? CountryName(s.CountryCode) : $"{s.City}, {CountryName(s.CountryCode)}";
        static string Degrees(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

        var rows = new List<IReadOnlyList<string>>();
        if (home is not null)
            rows.Add(CountryRow(home, "home"));
        foreach (var code in stops.Select(s => s.CountryCode).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (country(code) is { } visited && !ReferenceEquals(visited, home))
                rows.Add(CountryRow(visited, "met"));
        }
        foreach (var stop in placed)
        {
            // An announced stop says so in its label too: a reader of the page has no legend for the hollow point.
            rows.Add([$"{stop.City ?? CountryName(stop.CountryCode)}, {Journey.ShortDays(stop.First, stop.Last)}{(stop.Held ? "" : stop.Upcoming ? " (planned)" : " (announced)")}", stop.Held ? "stop" : "announced", "",
                Degrees(stop.Location!.Value.Latitude), Degrees(stop.Location!.Value.Longitude)]);
        }

        string Days(JourneyStop s) => s.First == s.Last ? Long(s.First)
            : s.First.Month == s.Last.Month && s.First.Year == s.Last.Year
                ? $"{s.First.Day.ToString(CultureInfo.InvariantCulture)}–{Long(s.Last)}"
                : $"{Long(s.First)} to {Long(s.Last)}";
        var parts = stops.Select(s => $"{Where(s)} ({Days(s)}{(s.Held ? "" : s.Upcoming ? "; planned: hollow marker" : "; announced, no report on record that it took place: hollow marker")})");
        var alt = $"Map of {traveller}'s journey from {Long(stops[0].First)} to {Long(stops.Max(s => s.Last))}, in order: {string.Join(", then ", parts)}."
            + (placed.Count < stops.Count ? $" Not on the map, for want of coordinates: {Join(stops.Where(s => s.Location is null).Select(Where).ToList())}." : "")
            + (home is null ? "" : $" {home.Name} is shaded lighter.");
        return new FigureView(alt, ["Place", "Role", "Other names", "Latitude", "Longitude"], rows);
    }

    private static string Join(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };
}
