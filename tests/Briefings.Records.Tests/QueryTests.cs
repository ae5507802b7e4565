using Briefings.Records;

namespace Briefings.Records.Tests;

/// <summary>The queries packs use, run against the sample records.</summary>
public sealed class QueryTests
{
    private static readonly RecordSet Records = RecordLoader.Load(Repository.Data).Records;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Meetings_by_country_are_in_date_order()
    {
        var ids = Records.MeetingsWithCountry("BLR").Select(m => m.Id);
        Assert.Equal(["2023-03-01-xi-lukashenko", "2023-12-04-xi-lukashenko"], ids);
        Assert.Equal(5, Records.MeetingsWithCountry("rus").Count);
    }

    [Fact]
    public void Meetings_by_person_include_delegation_members()
    {
        Assert.Equal(
            ["2022-02-04-xi-putin", "2022-09-07-li-zhanshu-putin", "2022-09-15-xi-putin"],
            Records.MeetingsWithPerson("vladimir-putin").Select(m => m.Id));
        Assert.Equal(
            ["2022-08-05-wang-yi-lavrov", "2022-09-14-xi-tokayev"],
            Records.MeetingsWithPerson("wang-yi").Select(m => m.Id));
    }

    [Fact]
    public void Meetings_in_a_quarter()
    {
        Assert.Equal(
            [
                "2022-08-05-wang-yi-lavrov", "2022-09-07-li-zhanshu-putin", "2022-09-12-yang-jiechi-denisov",
                "2022-09-14-xi-tokayev", "2022-09-15-sco-summit", "2022-09-15-xi-putin", "2022-09-15-xi-uzbekistan-state-visit",
            ],
            Records.MeetingsIn(Quarter.Parse("2022Q3")).Select(m => m.Id));
        Assert.Equal(["2023-12-04-xi-lukashenko"], Records.MeetingsIn(Quarter.Parse("2023q4")).Select(m => m.Id));
        Assert.Empty(Records.MeetingsIn(Quarter.Parse("2021Q1")));
    }

    [Fact]
    public void Meetings_in_a_date_range_include_both_ends_and_overlapping_visits()
    {
        Assert.Equal(["2023-09-22-xi-assad", "2023-09-23-xi-gusmao"],
            Records.MeetingsBetween(D("2023-09-22"), D("2023-09-23")).Select(m => m.Id));
        // The SCO summit runs 15-16 September, so a range starting on the 16th still finds it.
        Assert.Contains(Records.MeetingsBetween(D("2022-09-16"), null), m => m.Id == "2022-09-15-sco-summit");
        Assert.Equal(Records.Meetings.Count, Records.MeetingsBetween(null, null).Count);
    }

    [Fact]
    public void A_countrys_meetings_before_a_date()
    {
        Assert.Equal(["2023-03-01-xi-lukashenko"], Records.MeetingsBefore("BLR", D("2023-12-04")).Select(m => m.Id));
        Assert.Empty(Records.MeetingsBefore("BLR", D("2023-03-01")));
        Assert.Equal(["2022-02-04-xi-putin", "2022-08-05-wang-yi-lavrov"],
            Records.MeetingsBefore("RUS", D("2022-09-07")).Select(m => m.Id));
    }

    [Theory]
    [InlineData("BLR", "2023-12-04", PartnershipLevel.AllWeatherComprehensiveStrategicPartnership)]
    [InlineData("BLR", "2022-09-14", PartnershipLevel.ComprehensiveStrategicPartnership)]
    [InlineData("BLR", "2022-09-15", PartnershipLevel.AllWeatherComprehensiveStrategicPartnership)]
    [InlineData("SYR", "2023-09-22", PartnershipLevel.StrategicPartnership)]
    [InlineData("TLS", "2023-09-22", PartnershipLevel.ComprehensiveCooperativePartnership)]
    [InlineData("TLS", "2023-09-23", PartnershipLevel.ComprehensiveStrategicPartnership)]
    [InlineData("RUS", "2022-09-15", PartnershipLevel.ComprehensiveStrategicPartnershipOfCoordinationForANewEra)]
    public void Partnership_level_on_a_date(string country, string date, PartnershipLevel expected)
    {
        Assert.Equal(expected, Records.PartnershipLevelOn(country, "CHN", D(date)));
        // The relation is recorded on one side only; asking the other way round gives the same answer.
        Assert.Equal(expected, Records.PartnershipLevelOn("CHN", country, D(date)));
    }

    [Fact]
    public void No_partnership_level_before_the_first_step()
    {
        Assert.Null(Records.PartnershipLevelOn("SYR", "CHN", D("2023-09-21")));
        Assert.Null(Records.PartnershipLevelOn("BLR", "KAZ", D("2023-01-01")));
    }

    [Fact]
    public void Partnership_levels_are_ordered_so_upgrades_compare_greater()
    {
        Assert.True(PartnershipLevel.ComprehensiveStrategicPartnership > PartnershipLevel.StrategicPartnership);
        Assert.True(PartnershipLevel.AllWeatherComprehensiveStrategicPartnership > PartnershipLevel.ComprehensiveStrategicPartnership);
        Assert.Equal("comprehensive strategic partnership of coordination for a new era",
            ControlledList.ToWords(PartnershipLevel.ComprehensiveStrategicPartnershipOfCoordinationForANewEra));
    }

    [Theory]
    [InlineData("KAZ", "2022-09-14", 30)]
    [InlineData("BLR", "2023-12-04", 31)]
    [InlineData("BLR", "2022-01-19", 29)]
    [InlineData("BLR", "2022-01-20", 30)]
    [InlineData("RUS", "2022-02-04", 72)]
    public void Years_since_relations_were_established(string country, string date, int years) =>
        Assert.Equal(years, Records.YearsOfRelations("CHN", country, D(date)));

    [Fact]
    public void Years_of_relations_are_unknown_without_a_record_or_before_the_date()
    {
        Assert.Null(Records.YearsOfRelations("BLR", "KAZ", D("2023-01-01")));
        Assert.Null(Records.YearsOfRelations("BLR", "CHN", D("1990-01-01")));
    }

    [Fact]
    public void Role_on_a_date_follows_the_date_ranges()
    {
        Assert.Equal("Prime Minister of Russia", Records.RoleOn("vladimir-putin", D("2010-01-01")));
        Assert.Equal("President of Russia", Records.RoleOn("vladimir-putin", D("2022-09-15")));
        Assert.Equal("Prime Minister of Timor-Leste", Records.RoleOn("xanana-gusmao", D("2023-09-23")));
        Assert.Null(Records.RoleOn("xanana-gusmao", D("2016-01-01")));
        Assert.Null(Records.RoleOn("nobody", D("2016-01-01")));
    }

    [Fact]
    public void Memberships_carry_their_start_dates()
    {
        var sco = Records.Countries["BLR"].Memberships.Single(m => m.Organisation == "SCO");
        Assert.False(sco.HeldOn(D("2023-12-04")));
        Assert.True(sco.HeldOn(D("2024-07-04")));
    }

    [Theory]
    [InlineData("2023Q3", 2023, 3, "2023-07-01", "2023-09-30")]
    [InlineData("2024q1", 2024, 1, "2024-01-01", "2024-03-31")]
    [InlineData(" 2022Q4 ", 2022, 4, "2022-10-01", "2022-12-31")]
    public void Quarters_parse(string text, int year, int number, string start, string end)
    {
        Assert.True(Quarter.TryParse(text, out var quarter));
        Assert.Equal((year, number, D(start), D(end)), (quarter.Year, quarter.Number, quarter.Start, quarter.End));
        Assert.Equal($"{year}Q{number}", quarter.ToString());
    }

    [Theory]
    [InlineData("2023Q5")]
    [InlineData("2023-Q3")]
    [InlineData("Q3 2023")]
    [InlineData("")]
    public void Malformed_quarters_do_not_parse(string text)
    {
        Assert.False(Quarter.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Quarter.Parse(text));
    }

    [Fact]
    public void Quarter_of_a_date() => Assert.Equal(new Quarter(2023, 4), Quarter.Of(D("2023-12-04")));
}
