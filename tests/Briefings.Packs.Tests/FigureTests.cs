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

    private static readonly Briefings.Figures.FigureTheme Look = Briefings.Figures.FigureTheme.From(new Theme());

    /// <summary>The small round markers of a drawing (timeline dots and legend swatches): centre, fill and stroke.</summary>
    private static List<(double X, double Y, string? Fill, string? Stroke)> Dots(Drawing drawing) =>
        drawing.Items.OfType<DrawingPath>()
            .Where(p => p.Segments.Any(s => s.Verb == PathVerb.Cubic))
            .Select(p => (P: p, Xs: p.Segments.Where(s => s.Verb != PathVerb.Close).Select(s => s.X).ToList(), Ys: p.Segments.Where(s => s.Verb != PathVerb.Close).Select(s => s.Y).ToList()))
            .Where(d => d.Xs.Max() - d.Xs.Min() is > 4 and < 14 && d.Ys.Max() - d.Ys.Min() is > 4 and < 14)
            .Select(d => ((d.Xs.Max() + d.Xs.Min()) / 2, (d.Ys.Max() + d.Ys.Min()) / 2, d.P.Fill, d.P.Stroke))
            .ToList();

    [Fact]
    public void The_partnership_levels_are_named_beside_the_plot_inside_the_figure_and_never_in_the_path_of_the_line()
    {
        var renderer = new PackRenderer(Samples(), Repository.Templates, Today);
        foreach (var code in new[] { "RUS", "KAZ", "BLR", "CHN" })
        {
            var document = renderer.Render(new CountryPackRequest(code) { AsOf = Today }).Document;
            if (document.Blocks.OfType<Figure>().FirstOrDefault(f => f.Caption == "Partnership level over time") is not { } figure)
                continue;
            var drawing = figure.Drawing;
            var dots = Dots(drawing);
            Assert.NotEmpty(dots);
            var plotLeft = dots.Min(d => d.X) - 6;
            var texts = drawing.Items.OfType<DrawingText>().ToList();
            // Every level's name is drawn whole (over one or more lines), left of the first step, ending inside the figure.
            var levelLines = texts.Where(t => !char.IsDigit(t.Text[0])).ToList();
            var drawn = string.Join(" ", levelLines.Select(t => t.Text));
            foreach (var level in figure.AltText.Split(": ", 2)[1].TrimEnd('.').Split("; ").Select(s => s[..s.IndexOf(" from ", StringComparison.Ordinal)]))
                Assert.Contains(level, drawn, StringComparison.OrdinalIgnoreCase);
            foreach (var line in levelLines)
            {
                var (start, end) = line.Anchor switch
                {
                    TextAnchor.End => (line.X - line.Text.Length * line.Size * 0.5, line.X),
                    TextAnchor.Middle => (line.X - line.Text.Length * line.Size * 0.25, line.X + line.Text.Length * line.Size * 0.25),
                    _ => (line.X, line.X + line.Text.Length * line.Size * 0.5),
                };
                Assert.True(end < plotLeft, $"{code}: '{line.Text}' ({line.Anchor} at {line.X:0.0}) reaches into the plot (from {plotLeft:0.0})");
                Assert.True(start >= 0, $"{code}: '{line.Text}' runs past the figure's left edge");
            }
            Assert.DoesNotContain(texts, t => t.X > drawing.Width || t.X < 0);
        }
    }

    [Fact]
    public void A_meeting_kind_has_one_colour_in_every_chart_and_regions_never_wear_a_kind_colour()
    {
        string[] quarters = ["Q1 2023", "Q2 2023"];
        static HashSet<string> Fills(Drawing d) => d.Items.OfType<DrawingPath>().Select(p => p.Fill).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var alone = Fills(Briefings.Figures.Charts.StackedBars(quarters, ["talks on the sidelines"], new double[,] { { 1 }, { 2 } }, Look));
        var second = Fills(Briefings.Figures.Charts.StackedBars(quarters, ["state visit", "talks on the sidelines"], new double[,] { { 1, 1 }, { 2, 0 } }, Look));
        var timeline = Fills(Briefings.Figures.Charts.Timeline([(new DateOnly(2023, 1, 5), "working visit", true), (new DateOnly(2023, 6, 5), "talks on the sidelines", true)], Look));
        var sidelines = Briefings.Figures.Charts.SeriesColour("talks on the sidelines", 0, Look);
        Assert.Equal(sidelines, Briefings.Figures.Charts.SeriesColour("Talks on the sidelines", 1, Look));
        Assert.Contains(sidelines, alone);
        Assert.Contains(sidelines, second);
        Assert.Contains(sidelines, timeline);
        Assert.NotEqual(sidelines, Briefings.Figures.Charts.SeriesColour("state visit", 0, Look));

        var kindColours = Enum.GetValues<MeetingKind>().Select(k => Briefings.Figures.Charts.SeriesColour(ViewModels.Words.Kind(k), 0, Look)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var regions = Fills(Briefings.Figures.Charts.StackedBars(quarters, ["Eastern Europe", "Southeast Asia", "Middle East"], new double[,] { { 1, 1, 1 }, { 2, 0, 1 } }, Look));
        Assert.Empty(regions.Intersect(kindColours));
        // Every kind has a colour of its own.
        Assert.Equal(Enum.GetValues<MeetingKind>().Length, kindColours.Count);
    }

    [Fact]
    public void Every_meeting_of_the_timeline_shows_as_its_own_marker_and_announced_ones_are_hollow_and_said_so()
    {
        var renderer = new PackRenderer(Samples(), Repository.Templates, Today);
        var china = renderer.Render(new CountryPackRequest("CHN") { AsOf = Today }).Document;
        var figure = Assert.Single(china.Blocks.OfType<Figure>(), f => f.Caption == "Meetings by date and kind");
        var meetings = figure.AltText.Split(": ", 2)[1].Split("; ");
        var announced = meetings.Count(m => m.Contains("hollow marker", StringComparison.Ordinal));
        Assert.Equal(12, meetings.Length);
        Assert.Equal(3, announced);
        Assert.Contains("7 September 2022, talks on the sidelines", figure.AltText);
        Assert.Contains("15 September 2022, talks on the sidelines", figure.AltText);

        var texts = figure.Drawing.Items.OfType<DrawingText>().Select(t => t.Text).ToList();
        Assert.Contains("Announced, not held", texts);
        var dots = Dots(figure.Drawing);
        // Twelve meetings and the two legend swatches, no two on top of each other.
        Assert.Equal(14, dots.Count);
        for (var i = 0; i < dots.Count; i++)
            for (var j = i + 1; j < dots.Count; j++)
                Assert.True(Math.Sqrt(Math.Pow(dots[i].X - dots[j].X, 2) + Math.Pow(dots[i].Y - dots[j].Y, 2)) >= 6,
                    $"markers at ({dots[i].X:0.0}, {dots[i].Y:0.0}) and ({dots[j].X:0.0}, {dots[j].Y:0.0}) cover each other");
        // Hollow: a ring in the kind's colour, not filled (three meetings and the legend's swatch); the rest filled.
        Assert.Equal(announced + 1, dots.Count(d => d.Fill is null && d.Stroke is not null && !string.Equals(d.Stroke, "#FFFFFF", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(12 - announced + 1, dots.Count(d => d.Fill is not null && !string.Equals(d.Fill, "#FFFFFF", StringComparison.OrdinalIgnoreCase)));
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

    [Fact]
    public void A_map_draws_no_line_across_itself_where_a_country_crosses_the_antimeridian()
    {
        // Fiji's outline crosses 180 degrees at the latitude of Timor-Leste: it used to draw a line across the whole map.
        var document = MarkdownReader.Read(FrontMatter + """
            ::: figure map
            alt: Map of the countries met: Syria and Timor-Leste.

            | Country | Role |
            |:--|:--|
            | China | home |
            | Syria | met |
            | Timor-Leste | met |
            :::
            """, "test.md");
        var map = Assert.Single(document.Blocks.OfType<Figure>());
        // The countries and their borders (clipped to the frame; the sea and the frame are full-width rectangles).
        foreach (var path in map.Drawing.Items.OfType<DrawingPath>().Where(p => p.Clip is not null))
        {
            for (var i = 1; i < path.Segments.Count; i++)
            {
                if (path.Segments[i].Verb == PathVerb.Line)
                    Assert.True(Math.Abs(path.Segments[i].X - path.Segments[i - 1].X) < map.Drawing.Width / 2,
                        $"a line from x={path.Segments[i - 1].X:F0} to x={path.Segments[i].X:F0} crosses the map");
            }
        }
    }

    [Fact]
    public void Neighbours_labels_on_a_map_never_print_over_each_other()
    {
        // Kazakhstan and Uzbekistan: their bodies' centres are a few points apart at this scale, and the two labels
        // were drawn on top of each other (the PDF hid one under the other's box; LibreOffice printed both names).
        var document = MarkdownReader.Read(FrontMatter + """
            ::: figure map
            alt: Map of the countries met: Russia, Kazakhstan and Uzbekistan.

            | Country | Role |
            |:--|:--|
            | China | home |
            | Russia | met |
            | Kazakhstan | met |
            | Uzbekistan | met |
            :::
            """, "test.md");
        var map = Assert.Single(document.Blocks.OfType<Figure>());
        var labels = map.Drawing.Items.OfType<DrawingText>().ToList();
        Assert.Contains(labels, l => l.Text == "Kazakhstan");
        Assert.Contains(labels, l => l.Text == "Uzbekistan");
        // Each label's box: its width at about 0.58 of the size per character, its height the size and a descent.
        var boxes = labels.Select(l => (l.Text, Left: l.X - l.Text.Length * l.Size * 0.29, Right: l.X + l.Text.Length * l.Size * 0.29,
            Top: l.Y - l.Size, Bottom: l.Y + 3)).ToList();
        foreach (var a in boxes)
            foreach (var b in boxes.Where(b => b.Text != a.Text))
                Assert.False(a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom, $"{a.Text} overlaps {b.Text}");
    }
}
