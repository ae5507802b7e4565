using Briefings.Documents;
using Briefings.Markdown;
using Briefings.Records;
using Xunit;

namespace Briefings.Packs.Tests;

/// <summary>Figures: their Markdown reading, the required alternative text, and where the packs put them.</summary>
public class FigureTests
{
    private const string FrontMatter = "---\ntitle: A brief\n---\n";

    private static readonly DateOnly Today = new(2024, 1, 1);

    private static RecordSet Samples()
    {
        var load = RecordLoader.Load(Repository.Data);
        Assert.False(load.HasErrors);
        return load.Records;
    }

    [Fact]
    public void A_figure_container_becomes_a_figure_with_its_caption_alt_text_size_and_drawing()
    {
        var document = MarkdownReader.Read(FrontMatter + """
            Before.

            ::: figure bars
            alt: Meetings per quarter: Q1 2023 one state visit; Q3 2023 two talks
            caption: Meetings per quarter, by kind
            width: 80%

            | Quarter | State visit | Talks |
            |:--|:--|:--|
            | Q1 2023 | 1 | 0 |
            | Q3 2023 | 0 | 2 |
            :::

            After.
            """, "test.md");
        Assert.Collection(document.Blocks,
            b => Assert.IsType<Paragraph>(b),
            b =>
            {
                var figure = Assert.IsType<Figure>(b);
                Assert.Equal("Meetings per quarter, by kind", figure.Caption);
                Assert.Equal("Meetings per quarter: Q1 2023 one state visit; Q3 2023 two talks", figure.AltText);
                Assert.Equal(0.8, figure.Size.WidthFraction);
                Assert.Equal(figure.Drawing.Height / figure.Drawing.Width, figure.Size.Aspect, 6);
                var texts = figure.Drawing.Items.OfType<DrawingText>().Select(t => t.Text).ToList();
                Assert.Contains("Q1 2023", texts);
                Assert.Contains("State visit", texts);
                // Three bar segments at least: the two counts and the legend swatches are filled paths.
                Assert.True(figure.Drawing.Items.OfType<DrawingPath>().Count(p => p.Fill is not null) >= 3);
            },
            b => Assert.IsType<Paragraph>(b));
    }

    [Fact]
    public void A_figure_without_alternative_text_is_an_error_at_its_place_and_every_problem_is_reported()
    {
        var markdown = FrontMatter + """
            ::: figure bars
            caption: No alt

            | Quarter | Count |
            |:--|:--|
            | Q1 | 1 |
            :::

            ::: figure pie
            alt: A pie

            | A | B |
            |:--|:--|
            | x | 1 |
            :::

            ::: figure timeline
            alt: Dates
            width: wide

            | Date | Kind |
            |:--|:--|
            | 2023-02-30 | state visit |
            :::
            """;
        var error = Assert.Throws<MarkdownReadException>(() => MarkdownReader.Read(markdown, "templates/t.sbn"));
        var lines = error.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains(lines, l => l.StartsWith("templates/t.sbn:4:1: error MD008: a figure needs alternative text", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("templates/t.sbn:12:1: error MD008: unknown figure kind 'pie'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("templates/t.sbn:20:1: error MD008: '2023-02-30' is not a date", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("templates/t.sbn:20:1: error MD008: figure width 'wide' is not a width", StringComparison.Ordinal));
    }

    [Fact]
    public void The_document_checks_refuse_a_figure_tree_without_alternative_text()
    {
        var drawing = new Drawing(100, 50, [new DrawingPath([PathSegment.MoveTo(0, 0), PathSegment.LineTo(10, 10)], null, "#000000", 1)]);
        var document = new Document(new DocumentMetadata { Title = "T" }, [new Figure("Caption", " ", FigureSize.FullWidth(drawing), drawing)], []);
        var problem = Assert.Single(DocumentChecks.TreeProblems(document));
        Assert.Equal(DocumentCodes.FigureProblem, problem.Code);
        Assert.Contains("figure 'Caption' has no alternative text", problem.Message);
    }

    [Fact]
    public void The_digest_carries_the_charts_by_kind_and_region_and_the_map_with_the_data_in_their_alternative_text()
    {
        var renderer = new PackRenderer(Samples(), Repository.Templates, Today);
        var digest = renderer.Render(new DigestPackRequest(new DateOnly(2023, 7, 1), new DateOnly(2023, 9, 30), "Q3 2023") { AsOf = new DateOnly(2023, 9, 30) });
        var figures = digest.Document.Blocks.OfType<Figure>().ToList();
        Assert.Equal(["Meetings per quarter, by kind", "Meetings per quarter, by the counterpart's region", "Countries met in Q3 2023"], figures.Select(f => f.Caption));
        Assert.Contains("Q1 2023: 1 (state visit 1)", figures[0].AltText);
        Assert.Contains("Q3 2023: 2 (talks on the sidelines 2)", figures[0].AltText);
        Assert.Contains("Q3 2023: 2 (Middle East 1, Southeast Asia 1)", figures[1].AltText);
        Assert.Contains("Syria and Timor-Leste", figures[2].AltText);
        // The map labels the countries it names.
        Assert.Equal(["China", "Syria", "Timor-Leste"], figures[2].Drawing.Items.OfType<DrawingText>().Select(t => t.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_profile_shows_the_timeline_and_the_partnership_level_only_when_there_is_more_than_one_point()
    {
        var renderer = new PackRenderer(Samples(), Repository.Templates, Today);
        var belarus = renderer.Render(new CountryPackRequest("BLR") { AsOf = Today });
        var figures = belarus.Document.Blocks.OfType<Figure>().ToList();
        Assert.Equal(["Partnership level over time", "Meetings by date and kind"], figures.Select(f => f.Caption));
        Assert.Contains("comprehensive strategic partnership from 16 July 2013; all-weather comprehensive strategic partnership from 15 September 2022", figures[0].AltText);
        Assert.Contains("1 March 2023, state visit; 4 December 2023, working visit", figures[1].AltText);

        // Cambodia: one meeting and at most one recorded level, so neither chart.
        var cambodia = renderer.Render(new CountryPackRequest("KHM") { AsOf = Today });
        Assert.Empty(cambodia.Document.Blocks.OfType<Figure>());

        // Uzbekistan: three meetings, all on 15–16 September 2022: one point in time, no timeline.
        var uzbekistan = renderer.Render(new CountryPackRequest("UZB") { AsOf = Today });
        Assert.DoesNotContain(uzbekistan.Document.Blocks.OfType<Figure>(), f => f.AltText.StartsWith("Timeline", StringComparison.Ordinal));
    }

    [Fact]
    public void Thin_data_makes_no_figure()
    {
        var quarters = new[] { new Quarter(2023, 1), new Quarter(2023, 2) };
        Assert.Null(ViewModels.FigureViews.PerQuarter(quarters, [(new DateOnly(2023, 2, 1), "state visit"), (new DateOnly(2023, 2, 9), "working visit")], "kind"));
        Assert.NotNull(ViewModels.FigureViews.PerQuarter(quarters, [(new DateOnly(2023, 2, 1), "state visit"), (new DateOnly(2023, 5, 9), "state visit")], "kind"));
        Assert.Null(ViewModels.FigureViews.Map(null, [], "Q1 2023"));
    }

    [Fact]
    public void Figures_are_drawn_the_same_every_time()
    {
        var renderer = new PackRenderer(Samples(), Repository.Templates, Today);
        var request = new DigestPackRequest(new DateOnly(2023, 7, 1), new DateOnly(2023, 9, 30), "Q3 2023") { AsOf = new DateOnly(2023, 9, 30) };
        var first = renderer.Render(request).Document.Blocks.OfType<Figure>().ToList();
        var second = renderer.Render(request).Document.Blocks.OfType<Figure>().ToList();
        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
            Assert.Equal(first[i].Drawing.Items, second[i].Drawing.Items, (a, b) => a.ToString() == b.ToString() && Segments(a).SequenceEqual(Segments(b)));
    }

    private static IEnumerable<PathSegment> Segments(DrawingItem item) => item is DrawingPath p ? p.Segments : [];
}
