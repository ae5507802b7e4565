using Briefings.Documents;
using Briefings.Packs.ViewModels;
using Briefings.Records;
using Xunit;

namespace Briefings.Packs.Tests;

/// <summary>
/// The journey rule (docs/records.md, "Journeys") on records made here: the home principal's meetings abroad, each
/// within two days of the one before, a meeting at home ending the trip; one stop per place; and the route map the
/// visit brief draws from it, left out for a single place.
/// </summary>
public sealed class JourneyTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly RecordSet records;

    public JourneyTests()
    {
        var data = folder.Copy(Repository.Data, "data");
        // A city the gazetteer does not have, placed by its record.
        var kazakhstan = Path.Combine(data, "countries", "KAZ.yaml");
        File.WriteAllText(kazakhstan, File.ReadAllText(kazakhstan).Replace("cities:\n", "cities:\n  - name: Borovoe\n    latitude: 53.08\n    longitude: 70.3\n", StringComparison.Ordinal));
        Meeting("2030-05-10-astana", "2030-05-10", "state_visit", "KAZ", "CHN", "Astana", "KAZ", ("kassym-jomart-tokayev", "host"), ("xi-jinping", "guest"));
        Meeting("2030-05-11-borovoe", "2030-05-11", "working_visit", "KAZ", "CHN", "Borovoe", "KAZ", ("kassym-jomart-tokayev", "host"), ("xi-jinping", "guest"));
        // Two meetings in Samarkand, one of them spelt as a garbled source has it: one stop.
        Meeting("2030-05-12-summit", "2030-05-12", "multilateral_summit", "UZB", "CHN", "Samalham", "UZB", ("xi-jinping", "guest"));
        Meeting("2030-05-13-putin", "2030-05-13", "sidelines", "CHN", "RUS", "Samarkand", "UZB", ("xi-jinping", "host"), ("vladimir-putin", "guest"));
        // Home, then abroad again the next day: a new journey.
        Meeting("2030-05-15-beijing", "2030-05-15", "official_visit", "CHN", "BLR", "Beijing", "CHN", ("xi-jinping", "host"), ("alexander-lukashenko", "guest"));
        Meeting("2030-05-16-minsk", "2030-05-16", "state_visit", "BLR", "CHN", "Minsk", "BLR", ("alexander-lukashenko", "host"), ("xi-jinping", "guest"));
        // Four days after Minsk: too far apart to be one trip.
        Meeting("2030-05-20-moscow", "2030-05-20", "state_visit", "RUS", "CHN", "Moscow", "RUS", ("vladimir-putin", "host"), ("xi-jinping", "guest"));
        // Xi only in the delegation: not his meeting, so not a stop (it would join the trip otherwise).
        Meeting("2030-05-14-almaty", "2030-05-14", "working_visit", "KAZ", "CHN", "Almaty", "KAZ", ("kassym-jomart-tokayev", "host"), ("wang-yi", "guest"),
            delegation: "xi-jinping");
        var load = RecordLoader.Load(data);
        Assert.False(load.HasErrors, string.Join("\n", load.Diagnostics));
        records = load.Records;
    }

    private void Meeting(string id, string date, string kind, string host, string guest, string city, string country, (string Person, string Side) first,
        (string Person, string Side)? second = null, string? delegation = null) =>
        folder.File($"data/meetings/{id}.yaml", $"""
            id: {id}
            date: {date}
            status: held
            kind: {kind}
            title: Meeting {id}
            host: {host}
            guest: {guest}
            place:
              city: {city}
              country: {country}
            participants:
              - person: {first.Person}
                side: {first.Side}
            {(second is { } s ? $"  - person: {s.Person}\n    side: {s.Side}" : "")}
            {(delegation is null ? "" : $"delegation:\n  - person: {delegation}\n    side: guest")}
            sources: [zaobao-2022-09-14-xi-kazakhstan]
            handling: public
            """);

    private IReadOnlyList<JourneyStop> StopsOf(string id) =>
        Journey.Of(records.Meetings[id], "CHN", new PackScope(records, new DateOnly(2030, 6, 1), Audience.Internal));

    [Fact]
    public void A_journey_is_the_home_principals_meetings_abroad_at_most_two_days_apart_one_stop_per_place()
    {
        var stops = StopsOf("2030-05-10-astana");
        Assert.Equal(["Astana", "Borovoe", "Samarkand"], stops.Select(s => s.City));
        Assert.Equal(["KAZ", "KAZ", "UZB"], stops.Select(s => s.CountryCode));
        Assert.Equal([new DateOnly(2030, 5, 10), new DateOnly(2030, 5, 11), new DateOnly(2030, 5, 12)], stops.Select(s => s.First));
        Assert.Equal(new DateOnly(2030, 5, 13), stops[2].Last);
        Assert.All(stops, s => Assert.True(s.Held));
        // Placed by the gazetteer (Astana under its alias Nur-Sultan; Samarkand from a garbled spelling), and by the record.
        Assert.Equal(new GeoPoint(51.18, 71.45), stops[0].Location);
        Assert.Equal(new GeoPoint(53.08, 70.3), stops[1].Location);
        Assert.Equal(new GeoPoint(39.65, 66.96), stops[2].Location);
        // Any meeting of the trip gives the same journey; the meeting at home on the 15th is no part of it.
        Assert.Equal(stops, StopsOf("2030-05-13-putin"));
        Assert.Empty(StopsOf("2030-05-15-beijing"));
        // After a meeting at home, and four days before the next trip: a journey of one place.
        Assert.Equal(["Minsk"], StopsOf("2030-05-16-minsk").Select(s => s.City));
        Assert.Equal(["Moscow"], StopsOf("2030-05-20-moscow").Select(s => s.City));
    }

    [Fact]
    public void The_visit_brief_maps_a_journey_of_several_places_in_order_with_dates_and_leaves_a_single_place_unmapped()
    {
        var renderer = new PackRenderer(records, Repository.Templates, new DateOnly(2030, 6, 1));
        var brief = renderer.Render(new VisitPackRequest("2030-05-11-borovoe") { AsOf = new DateOnly(2030, 6, 1) });
        var map = Assert.Single(brief.Document.Blocks.OfType<Figure>());
        Assert.Equal("Xi Jinping's journey, 10–13 May 2030", map.Caption);
        Assert.Contains("in order: Astana, Kazakhstan (10 May 2030), then Borovoe, Kazakhstan (11 May 2030), then Samarkand, Uzbekistan (12–13 May 2030).", map.AltText);
        // The stops are labelled on the map, with an arrow (a filled head) from each to the next.
        var labels = map.Drawing.Items.OfType<DrawingText>().Select(t => t.Text).ToList();
        Assert.Equal(["Astana, 10 May", "Borovoe, 11 May", "Samarkand, 12–13 May"], labels.Where(l => l.Contains("May", StringComparison.Ordinal)));
        Assert.Equal(2, map.Drawing.Items.OfType<DrawingPath>().Count(p => p.Segments.Any(s => s.Verb == PathVerb.Cubic) && p.Fill is null));

        var single = renderer.Render(new VisitPackRequest("2030-05-16-minsk") { AsOf = new DateOnly(2030, 6, 1) });
        Assert.Empty(single.Document.Blocks.OfType<Figure>());
    }

    [Fact]
    public void Before_the_trip_the_stops_are_planned_and_said_so()
    {
        // The same trip as announced: planned meetings, a brief as of the day before it starts.
        foreach (var file in Directory.GetFiles(Path.Combine(folder.Path, "data", "meetings"), "2030-05-1*.yaml"))
            File.WriteAllText(file, File.ReadAllText(file).Replace("status: held", "status: planned", StringComparison.Ordinal));
        var load = RecordLoader.Load(Path.Combine(folder.Path, "data"));
        Assert.False(load.HasErrors, string.Join("\n", load.Diagnostics));
        var renderer = new PackRenderer(load.Records, Repository.Templates, new DateOnly(2030, 5, 9));
        var brief = renderer.Render(new VisitPackRequest("2030-05-10-astana") { AsOf = new DateOnly(2030, 5, 9) });
        var map = Assert.Single(brief.Document.Blocks.OfType<Figure>());
        Assert.Contains("Astana, Kazakhstan (10 May 2030; planned: hollow marker)", map.AltText);
        Assert.Contains("Samarkand, 12–13 May (planned)", map.Drawing.Items.OfType<DrawingText>().Select(t => t.Text));
    }

    public void Dispose() => folder.Dispose();
}
