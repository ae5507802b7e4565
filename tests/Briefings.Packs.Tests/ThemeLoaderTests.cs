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

    [Fact]
    public void EveryKeyOfEverySectionReachesItsOwnProperty()
    {
        // A distinct value for every key (snake_case of the property), read back property by property.
        var yaml = new System.Text.StringBuilder();
        var expected = new List<(string Section, System.Reflection.PropertyInfo Property, object Value)>();
        var n = 0;
        foreach (var section in typeof(Theme).GetProperties().Where(p => p.PropertyType.Namespace == typeof(Theme).Namespace && p.PropertyType.IsClass))
        {
            yaml.Append(Snake(section.Name)).Append(":\n");
            foreach (var property in section.PropertyType.GetProperties())
            {
                n++;
                object value = property.PropertyType == typeof(double) ? n + 0.25
                    : property.PropertyType == typeof(bool) ? false
                    : property.PropertyType == typeof(string) ? $"#0000{n:D2}"
                    : new List<string> { $"Family {n}", "Other" };
                var text = value switch
                {
                    double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    bool => "false",
                    List<string> list => "[" + string.Join(", ", list) + "]",
                    _ => $"\"{value}\"",
                };
                yaml.Append("  ").Append(Snake(property.Name)).Append(": ").Append(text).Append('\n');
                expected.Add((section.Name, property, value));
            }
        }
        yaml.Append("markings:\n  internal: A\n  public: B\ndate_format: yyyy\nbody_alignment: Center\n");

        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(yaml.ToString()));
        var theme = ThemeReader.Read(stream.Documents[0].RootNode);
        Assert.True(expected.Count > 40);
        foreach (var (section, property, value) in expected)
        {
            var actual = property.GetValue(typeof(Theme).GetProperty(section)!.GetValue(theme));
            if (value is List<string> list)
                Assert.Equal(list, Assert.IsAssignableFrom<IReadOnlyList<string>>(actual));
            else
                Assert.True(Equals(value, actual), $"{section}.{property.Name}: expected {value}, got {actual}");
        }
        Assert.Equal(new Dictionary<string, string> { ["internal"] = "A", ["public"] = "B" }, theme.Markings);
        Assert.Equal("yyyy", theme.DateFormat);
        Assert.Equal(TextAlignment.Center, theme.BodyAlignment);
    }

    [Theory]
    [InlineData("page:\n  width: wide\n", "templates/theme.yaml:2:10: error THM001: 'wide' is not a number")]
    [InlineData("page: 3\n", "templates/theme.yaml:1:7: error THM001: page must be a mapping of keys to values")]
    [InlineData("cover:\n  enabled: maybe\n", "templates/theme.yaml:2:12: error THM001: 'maybe' is not true or false")]
    [InlineData("body_alignment: diagonal\n", "templates/theme.yaml:1:17: error THM001: 'diagonal' is not one of left, center, right, justify")]
    [InlineData("fonts:\n  fallback: Noto\n", "templates/theme.yaml:2:13: error THM001: expected a list of values here")]
    public void AValueOfTheWrongShapeIsAnErrorAtTheValue(string yaml, string expected)
    {
        var e = Assert.Throws<ThemeException>(() => ThemeLoader.Parse(yaml, "templates/theme.yaml"));
        Assert.Equal(expected, Assert.Single(e.Problems));
    }

    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
