using Briefings.Records;

namespace Briefings.Records.Tests;

/// <summary>Names and aliases resolve ignoring case and diacritics; ambiguous names are never guessed.</summary>
public sealed class AliasTests
{
    private static readonly RecordSet Records = RecordLoader.Load(Repository.Data).Records;

    [Theory]
    [InlineData("Beloel")]
    [InlineData("Beros")]
    [InlineData("Bioloss")]
    [InlineData("White Ros")]
    [InlineData("Bellos")]
    [InlineData("Baillos")]
    [InlineData("Belos")]
    [InlineData("Bai")]
    [InlineData("belarus")]
    [InlineData("BLR")]
    [InlineData("Republic of Belarus")]
    [InlineData("WHITE-ROS")]
    public void Spellings_of_Belarus_resolve(string name) => Assert.Equal("BLR", Records.ResolveCountry(name).Value.Code);

    [Theory]
    [InlineData("East Timor", "TLS")]
    [InlineData("Kazakhstan", "KAZ")]
    [InlineData("People's Republic of China", "CHN")]
    [InlineData("Russian Federation", "RUS")]
    public void Country_names_resolve(string name, string code) => Assert.Equal(code, Records.ResolveCountry(name).Value.Code);

    [Theory]
    [InlineData("Toccyev", "kassym-jomart-tokayev")]
    [InlineData("Tocaev", "kassym-jomart-tokayev")]
    [InlineData("Toccerv", "kassym-jomart-tokayev")]
    [InlineData("Raferov", "sergey-lavrov")]
    [InlineData("Gusmang", "xanana-gusmao")]
    [InlineData("Gusmão", "xanana-gusmao")]
    [InlineData("GUSMAO", "xanana-gusmao")]
    [InlineData("xanana gusmao", "xanana-gusmao")]
    [InlineData("Luka Shenke", "alexander-lukashenko")]
    [InlineData("Lukashenke", "alexander-lukashenko")]
    [InlineData("Jenisov", "andrey-denisov")]
    [InlineData("Yang Jiezheng", "yang-jiechi")]
    [InlineData("Yang Jieye", "yang-jiechi")]
    [InlineData("Assad", "bashar-al-assad")]
    [InlineData("习近平", "xi-jinping")]
    public void Garbled_person_names_resolve(string name, string id) => Assert.Equal(id, Records.ResolvePerson(name).Value.Id);

    [Theory]
    [InlineData("Nur Sudan", "Astana", "KAZ")]
    [InlineData("Nur-Sultan", "Astana", "KAZ")]
    [InlineData("Samalham", "Samarkand", "UZB")]
    [InlineData("Samarham", "Samarkand", "UZB")]
    [InlineData("Peking", "Beijing", "CHN")]
    public void Garbled_place_names_resolve(string name, string city, string country)
    {
        var match = Records.ResolveCity(name).Value;
        Assert.Equal((city, country), (match.City.Name, match.Country.Code));
    }

    [Theory]
    [InlineData("Shanghe Summit", "sco-summit-2022")]
    [InlineData("Oriental Economic Forum", "eastern-economic-forum-2022")]
    public void Garbled_event_names_resolve(string name, string id) => Assert.Equal(id, Records.ResolveEvent(name).Value.Id);

    [Fact]
    public void Unknown_name_is_not_guessed_but_suggested()
    {
        var resolution = Records.ResolvePerson("Tokaev");
        Assert.False(resolution.IsResolved);
        Assert.Empty(resolution.Matches);
        Assert.Equal("kassym-jomart-tokayev", resolution.Suggestion?.Id);
        Assert.Null(Records.ResolveCountry("Atlantis").Suggestion);
    }

    [Fact]
    public void Name_shared_by_two_records_is_ambiguous()
    {
        var origin = new RecordOrigin("test", 1, 1);
        var set = new RecordSet(
            [],
            [
                new Person("li-one", "Li Wei", ["Mr Li"], "CHN", [], origin),
                new Person("li-two", "Li Wei", [], "CHN", [], origin),
            ],
            [], [], []);
        var resolution = set.ResolvePerson("li wei");
        Assert.True(resolution.IsAmbiguous);
        Assert.Equal(["li-one", "li-two"], resolution.Matches.Select(p => p.Id));
        Assert.Equal("li-one", set.ResolvePerson("MR. LI").Value.Id);
    }

    [Theory]
    [InlineData("Gusmão", "gusmao")]
    [InlineData("Nur-Sultan", "nur sultan")]
    [InlineData("  Xi   Jinping ", "xi jinping")]
    [InlineData("Łukasz Øre", "lukasz ore")]
    public void Normalization_ignores_case_diacritics_and_punctuation(string text, string expected) =>
        Assert.Equal(expected, NameMatching.Normalize(text));

    [Theory]
    [InlineData("BLS", "BLR", 1)]
    [InlineData("tokayev", "tokaeyv", 1)]
    [InlineData("venue", "venu", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_edits_and_transpositions(string a, string b, int expected) =>
        Assert.Equal(expected, NameMatching.Distance(a, b));
}
