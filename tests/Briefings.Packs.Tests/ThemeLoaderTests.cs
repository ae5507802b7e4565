using Briefings.Documents;
using Briefings.Themes;
using Xunit;

namespace Briefings.Packs.Tests;

public class ThemeLoaderTests
{
    [Fact]
    public void ShippedThemeLoadsWithItsValues()
    {
        var theme = ThemeLoader.LoadFromFolder(Repository.Templates);
        Assert.Equal(595.28, theme.Page.Width);
        Assert.Equal("Noto Serif", theme.Fonts.Body);
        Assert.Equal("#1F3864", theme.Colours.Heading);
        Assert.Equal("OFFICIAL — INTERNAL USE ONLY", theme.Markings["internal"]);
        Assert.Equal("PUBLIC", theme.Markings["public"]);
        Assert.Equal("d MMMM yyyy", theme.DateFormat);
        Assert.Equal(TextAlignment.Justify, theme.BodyAlignment);
    }

    [Theory]
    [InlineData("page: {a: ", "")] // refused as an unknown key long before the depth limit
    [InlineData("page: [", "")]
    [InlineData("colours:\n  text: &c \"#000000\"\n  heading: *c\n", "anchor '&c' is not allowed")]
    [InlineData("colours:\n  text: !!python/object:os.system ls\n", "YAML tag")]
    public void HostileThemeYamlIsALocatedErrorNotACrash(string start, string expected)
    {
        var yaml = start.EndsWith(": ", StringComparison.Ordinal) || start.EndsWith('[')
            ? string.Concat(Enumerable.Repeat(start.Split(' ')[1], 20_000))
            : start;
        if (yaml != start) yaml = "page: " + yaml;
        var e = Assert.Throws<ThemeException>(() => ThemeLoader.Parse(yaml, "templates/theme.yaml"));
        var problem = Assert.Single(e.Problems);
        Assert.Matches(@"^templates/theme\.yaml:\d+:\d+: error THM001: ", problem);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void LeftOutKeysKeepDefaults()
    {
        var theme = ThemeLoader.Parse("page:\n  margin_top: 50\n", "templates/theme.yaml");
        Assert.Equal(50, theme.Page.MarginTop);
        Assert.Equal(new PageTheme().MarginBottom, theme.Page.MarginBottom);
        Assert.Equal(new Theme().Colours, theme.Colours);
    }

    [Fact]
    public void UnknownKeyIsAnErrorWithItsPosition()
    {
        var e = Assert.Throws<ThemeException>(() => ThemeLoader.Parse("page:\n  margin_topp: 3\n", "templates/theme.yaml"));
        Assert.StartsWith("templates/theme.yaml:2:3: error THM001:", Assert.Single(e.Problems));
    }

    [Fact]
    public void EveryBadValueIsReported()
    {
        var e = Assert.Throws<ThemeException>(() => ThemeLoader.Parse("colours:\n  text: red\n  link: \"#12\"\nmarkings:\n  internal: X\n", "templates/theme.yaml"));
        Assert.Contains("templates/theme.yaml:2:9: error THM002: colours.text 'red' is not a colour of the form #RRGGBB", e.Problems);
        Assert.Contains(e.Problems, p => p.StartsWith("templates/theme.yaml:3:9: error THM002: colours.link"));
        Assert.Contains(e.Problems, p => p.Contains("markings has no entry for 'public'"));
    }
}
