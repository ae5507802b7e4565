using Briefings.Documents;
using Briefings.Templates;
using Xunit;

namespace Briefings.Packs.Tests;

public class HelperTests
{
    private readonly TemplateHelpers helpers = new(new DateOnly(2023, 12, 4), new Theme());

    [Fact]
    public void RelativeTimeReadsAsProse()
    {
        Assert.Equal("nine months", helpers.Span(new DateOnly(2023, 3, 1), new DateOnly(2023, 12, 4)));
        Assert.Equal("nine months ago", helpers.Relative(new DateOnly(2023, 3, 1)));
        Assert.Equal("in four days", helpers.Relative(new DateOnly(2023, 12, 8)));
        Assert.Equal("today", helpers.Relative("2023-12-04"));
        Assert.Equal("tomorrow", helpers.Relative("2023-12-05"));
        Assert.Equal("yesterday", helpers.Relative("2023-12-03"));
        Assert.Equal("two years", helpers.Span("2021-11-30", "2023-12-04"));
        Assert.Equal("three weeks", helpers.Span("2023-11-13", "2023-12-04"));
        // Whole years round down: 35 months is not "two years".
        Assert.Equal("nearly three years", helpers.Span("2021-01-10", "2023-12-04"));
        Assert.Equal("two years", helpers.Span("2021-06-10", "2023-12-04"));
    }

    [Fact]
    public void NumbersAndListsAreEnglishUnderAnyCulture()
    {
        var (culture, ui) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture =
                System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("nine months", helpers.Span(new DateOnly(2023, 3, 1), new DateOnly(2023, 12, 4)));
            Assert.Equal("one earlier meeting", helpers.Quantity(1, "earlier meeting"));
            Assert.Equal("12 meetings", helpers.Quantity(12, "meeting"));
            Assert.Equal("two days", helpers.Duration("2023-12-03", "2023-12-04"));
            Assert.Equal("Kazakhstan, Uzbekistan and Russia", helpers.Join(new[] { "Kazakhstan", "Uzbekistan", "Russia" }));
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    [Fact]
    public void OrdinalsQuantitiesAndLists()
    {
        Assert.Equal("second", helpers.Ordinal(2));
        Assert.Equal("three documents", helpers.Quantity(3, "document"));
        Assert.Equal("one meeting", helpers.Quantity(1, "meeting"));
        Assert.Equal("12 visits", helpers.Quantity(12, "visit"));
        Assert.Equal("Kazakhstan, Uzbekistan and Russia", helpers.Join(new[] { "Kazakhstan", "Uzbekistan", "Russia" }));
        Assert.Equal("Belarus", helpers.Join(new[] { "Belarus" }));
        Assert.Equal("seven", helpers.Words(7));
    }

    [Fact]
    public void DurationsAndYears()
    {
        Assert.Equal("two days", helpers.Duration("2023-12-03", "2023-12-04"));
        Assert.Equal("one day", helpers.Duration("2023-12-04", null));
        Assert.Equal(31, helpers.YearsBetween("1992-01-20"));
        Assert.Equal(30, helpers.YearsBetween("1992-01-03", "2022-09-14"));
    }

    [Fact]
    public void DatesFollowTheThemeFormat()
    {
        Assert.Equal("1 March 2023", helpers.Date(new DateOnly(2023, 3, 1)));
        Assert.Equal("3–4 December 2023", helpers.DateRange("2023-12-03", "2023-12-04"));
        var iso = new TemplateHelpers(new DateOnly(2023, 12, 4), new Theme { DateFormat = "yyyy-MM-dd" });
        Assert.Equal("2023-03-01", iso.Date(new DateOnly(2023, 3, 1)));
    }

    [Fact]
    public void LinksAcceptOnlyWebAddresses()
    {
        Assert.Equal("[a\\*b](<https://example.org/x%20y>)", TemplateHelpers.Link("a*b", "https://example.org/x y").Markdown);
        Assert.Equal("click", TemplateHelpers.Link("click", "javascript:alert(1)").Markdown);
    }

    [Fact]
    public void EscapeNeutralisesBlockStartsAndInlineSyntax()
    {
        Assert.Equal("\\# not a heading", MarkdownEscape.Inline("# not a heading"));
        Assert.Equal("1\\. not a list", MarkdownEscape.Inline("1. not a list"));
        Assert.Equal("a \\| b \\*\\* \\[c\\](d) \\<b\\>", MarkdownEscape.Inline("a | b ** [c](d) <b>"));
        Assert.Equal("one two", MarkdownEscape.Inline("one\n\n    two"));
        Assert.Equal("\"say \\\"hi\\\"\"", MarkdownEscape.YamlString("say \"hi\""));
    }
}

public class NounTests
{
    [Fact]
    public void NounsKnownInAdvanceAreWhatHumanizerSays()
    {
        foreach (var (noun, plural) in Nouns.Known)
        {
            Assert.Equal(Nouns.FromHumanizer(1, noun), Nouns.For(1, noun));
            Assert.Equal(noun, Nouns.For(1, noun));
            Assert.Equal(Nouns.FromHumanizer(2, noun), plural);
            Assert.Equal(plural, Nouns.For(0, noun));
        }
    }

    [Fact]
    public void NumberWordsKnownInAdvanceAreWhatHumanizerSays()
    {
        for (var n = 0; n < NumberWords.Cardinals.Length; n++)
            Assert.Equal(NumberWords.WordsFromHumanizer(n), NumberWords.Words(n));
        for (var n = 1; n < NumberWords.Ordinals.Length; n++)
            Assert.Equal(NumberWords.OrdinalFromHumanizer(n), NumberWords.Ordinal(n));
        // Beyond the table, Humanizer answers.
        Assert.Equal("twenty-first", NumberWords.Ordinal(21));
        Assert.Equal("twenty", NumberWords.Words(20));
        Assert.Equal("minus one", NumberWords.Words(-1));
    }

    [Fact]
    public void EveryNounTheShippedTemplatesCountIsKnownInAdvance()
    {
        var counted = Directory.EnumerateFiles(Repository.Templates, "*.sbn")
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "quantity\\s+(?:\\([^)]*\\)|[A-Za-z_.]+)\\s+\"([^\"]+)\""))
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();
        Assert.NotEmpty(counted);
        Assert.All(counted, noun => Assert.True(Nouns.Known.ContainsKey(noun), $"'{noun}' is counted by a template but not known in advance"));
    }

    [Fact]
    public void OtherNounsStillFollowHumanizer()
    {
        Assert.Equal("analyses", Nouns.For(2, "analysis"));
        Assert.Equal("criterion", Nouns.For(1, "criterion"));
        Assert.Equal("3 people", Briefings.Cli.Commands.CommonOptions.Plural(3, "person"));
    }
}

public class AttributionTests
{
    private static ViewModels.AnalysisView Analysis(string? analyst, string? affiliation) =>
        new(analyst, affiliation, "Deutsche Welle", "Text.", default!);

    [Fact]
    public void An_unnamed_analyst_is_attributed_by_affiliation_never_by_a_garbled_name()
    {
        Assert.Equal("A researcher at a think tank in Washington, in Deutsche Welle", Analysis(null, "researcher at a think tank in Washington").Attribution);
        Assert.Equal("An analyst at a bank, in Deutsche Welle", Analysis(null, "analyst at a bank").Attribution);
        Assert.Equal("The Carnegie Endowment, in Deutsche Welle", Analysis(null, "the Carnegie Endowment").Attribution);
        Assert.Equal("Deutsche Welle", Analysis(null, null).Attribution);
        Assert.Equal("Li Mingjiang, professor, in Deutsche Welle", Analysis("Li Mingjiang", "professor").Attribution);
    }
}
