using Briefings.Records;

namespace Briefings.Records.Tests;

/// <summary>The sample records in data/: clean, complete and faithful to the seed articles.</summary>
public sealed class SampleDataTests
{
    private static readonly LoadResult Loaded = RecordLoader.Load(Repository.Data);
    private static RecordSet Records => Loaded.Records;

    [Fact]
    public void Sample_records_load_without_errors_or_warnings()
    {
        Assert.True(Loaded.Diagnostics.Count == 0, string.Join("\n", Loaded.Diagnostics));
    }

    [Theory]
    [InlineData("2023-09-22-xi-assad", "2023-09-22", "CHN", "SYR", "xi-jinping", "bashar-al-assad")]
    [InlineData("2023-09-23-xi-gusmao", "2023-09-23", "CHN", "TLS", "xi-jinping", "xanana-gusmao")]
    [InlineData("2023-12-04-xi-lukashenko", "2023-12-04", "CHN", "BLR", "xi-jinping", "alexander-lukashenko")]
    [InlineData("2023-03-01-xi-lukashenko", "2023-03-01", "CHN", "BLR", "xi-jinping", "alexander-lukashenko")]
    [InlineData("2022-09-14-xi-tokayev", "2022-09-14", "KAZ", "CHN", "kassym-jomart-tokayev", "xi-jinping")]
    [InlineData("2022-09-15-xi-putin", "2022-09-15", "CHN", "RUS", "xi-jinping", "vladimir-putin")]
    [InlineData("2022-02-04-xi-putin", "2022-02-04", "CHN", "RUS", "xi-jinping", "vladimir-putin")]
    [InlineData("2022-09-12-yang-jiechi-denisov", "2022-09-12", "CHN", "RUS", "yang-jiechi", "andrey-denisov")]
    [InlineData("2022-09-07-li-zhanshu-putin", "2022-09-07", "RUS", "CHN", "vladimir-putin", "li-zhanshu")]
    [InlineData("2022-08-05-wang-yi-lavrov", "2022-08-05", "CHN", "RUS", "wang-yi", "sergey-lavrov")]
    public void Every_meeting_in_the_seed_articles_is_recorded(string id, string date, string host, string guest, string hostPerson, string guestPerson)
    {
        var meeting = Records.Meetings[id];
        Assert.Equal(DateOnly.Parse(date), meeting.Date);
        Assert.Equal((host, guest), (meeting.Host, meeting.Guest));
        Assert.Contains(meeting.Participants, p => p.Person == hostPerson && p.Side == Side.Host);
        Assert.Contains(meeting.Participants, p => p.Person == guestPerson && p.Side == Side.Guest);
        Assert.NotEmpty(meeting.Sources);
    }

    [Fact]
    public void Meeting_details_follow_the_articles()
    {
        var assad = Records.Meetings["2023-09-22-xi-assad"];
        Assert.Equal(("Hangzhou", "West Lake State Guesthouse"), (assad.Place.City, assad.Place.Venue));
        Assert.Equal("asian-games-2023", assad.Event);
        Assert.Contains(assad.Outcomes, o => o.Kind == OutcomeKind.PartnershipUpgrade && o.To == PartnershipLevel.StrategicPartnership);

        var gusmao = Records.Meetings["2023-09-23-xi-gusmao"];
        Assert.Contains(gusmao.Outcomes, o => o.To == PartnershipLevel.ComprehensiveStrategicPartnership);
        Assert.Contains(gusmao.Outcomes, o => o.Kind == OutcomeKind.JointStatement);

        Assert.Equal("Diaoyutai State Guesthouse", Records.Meetings["2023-12-04-xi-lukashenko"].Place.Venue);
        Assert.Equal(MeetingKind.WorkingVisit, Records.Meetings["2023-12-04-xi-lukashenko"].Kind);
        Assert.Equal("Great Hall of the People", Records.Meetings["2023-03-01-xi-lukashenko"].Place.Venue);
        Assert.Equal(MeetingKind.StateVisit, Records.Meetings["2023-03-01-xi-lukashenko"].Kind);

        var samarkand = Records.Meetings["2022-09-15-xi-putin"];
        Assert.Equal(("Samarkand", "UZB", "sco-summit-2022"), (samarkand.Place.City, samarkand.Place.Country, samarkand.Event));
        // The articles announce this meeting before it took place.
        Assert.Equal(MeetingStatus.Planned, samarkand.Status);

        Assert.Equal("eastern-economic-forum-2022", Records.Meetings["2022-09-07-li-zhanshu-putin"].Event);
        Assert.Equal(("Phnom Penh", "KHM"), (Records.Meetings["2022-08-05-wang-yi-lavrov"].Place.City, Records.Meetings["2022-08-05-wang-yi-lavrov"].Place.Country));
        Assert.Equal(4, Records.Meetings["2022-09-14-xi-tokayev"].Delegation.Count);
    }

    [Fact]
    public void Quotes_are_marked_only_where_the_article_quotes()
    {
        var quotes = Records.Meetings.Values.SelectMany(m => m.Statements).Where(s => s.IsQuote).ToList();
        var quote = Assert.Single(quotes);
        Assert.Equal("alexander-lukashenko", quote.Speaker);
        Assert.Contains("divide everything into fragments", quote.Text);
    }

    [Fact]
    public void Analysis_is_attributed_and_internal_items_make_packs_differ()
    {
        var analysis = Records.Meetings.Values.SelectMany(m => m.Analysis).ToList();
        Assert.NotEmpty(analysis);
        Assert.All(analysis, a => Assert.False(string.IsNullOrWhiteSpace(a.Outlet)));
        Assert.Contains(analysis, a => a.Analyst == "Li Mingjiang" && a.Outlet == "Lianhe Zaobao");
        Assert.All(analysis, a => Assert.Equal(HandlingLevel.Internal, a.Handling));
        Assert.Contains(Records.Meetings.Values.SelectMany(m => m.Statements), s => s.Handling == HandlingLevel.Public);
    }

    [Fact]
    public void Every_seed_article_is_a_source_and_no_url_is_invented()
    {
        Assert.Equal(5, Records.Sources.Count);
        Assert.All(Records.Sources.Values, s =>
        {
            Assert.Null(s.Url);
            Assert.NotNull(s.Date);
            Assert.Contains("Seed article", File.ReadAllText(s.Origin.Path));
        });
    }

    [Fact]
    public void Every_record_file_points_editors_at_its_schema()
    {
        foreach (var file in Directory.EnumerateFiles(Repository.Data, "*.yaml", SearchOption.AllDirectories))
        {
            var first = File.ReadLines(file).First();
            var kind = Path.GetFileName(Path.GetDirectoryName(file))! switch
            {
                "countries" => "country",
                "people" => "person",
                "meetings" => "meeting",
                "events" => "event",
                "sources" => "source",
                var other => throw new InvalidOperationException(other),
            };
            Assert.Equal($"# yaml-language-server: $schema=../../docs/schema/{kind}.schema.json", first);
            Assert.True(File.Exists(Path.Join(Repository.Root, "docs", "schema", $"{kind}.schema.json")), $"schema for {kind} is missing");
        }
    }
}
