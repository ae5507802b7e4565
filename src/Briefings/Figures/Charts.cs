using System.Globalization;
using Briefings.Documents;
using ScottPlot;
using SkiaSharp;
using SpColor = ScottPlot.Color;
using Drawing = Briefings.Documents.Drawing;

namespace Briefings.Figures;

/// <summary>
/// The charts of the packs, drawn by ScottPlot 5 in the theme's fonts and colours and read back from its SVG
/// output into the document tree's display list (<see cref="Drawing"/>), so writers never see ScottPlot.
/// Sizes are in points: a chart is laid out for the text width it will usually fill.
/// </summary>
public static class Charts
{
    /// <summary>The width, in points, every chart is laid out for (about a text column's width).</summary>
    public const double Width = 460;

    /// <summary>Stacked bars: one bar per category (a quarter), one segment per series (a kind of meeting).</summary>
    public static Drawing StackedBars(IReadOnlyList<string> categories, IReadOnlyList<string> series, double[,] values, FigureTheme theme, double height = 190)
    {
        var plot = NewPlot(theme);
        var bars = new List<Bar>();
        double top = 0;
        for (var c = 0; c < categories.Count; c++)
        {
            double bottom = 0;
            for (var s = 0; s < series.Count; s++)
            {
                var value = values[c, s];
                if (value <= 0)
                    continue;
                bars.Add(new Bar
                {
                    Position = c, ValueBase = bottom, Value = bottom + value, Size = 0.6,
                    FillColor = SpColor.FromHex(SeriesColour(series[s], s, theme)), LineWidth = 0,
                });
                bottom += value;
            }
            top = Math.Max(top, bottom);
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray(), categories.ToArray());
        plot.Axes.Left.TickGenerator = IntegerTicks(top);
        // Headroom above the tallest bar for the legend, which sits inside the top of the plot: it must not cover a bar.
        plot.Axes.SetLimits(-0.6, categories.Count - 0.4, 0, Math.Max(1, top) * 1.4);
        for (var s = 0; s < series.Count; s++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Capitalise(series[s]), FillColor = SpColor.FromHex(SeriesColour(series[s], s, theme)) });
        ShowLegend(plot, theme);
        return Render(plot, theme, height);
    }

    /// <summary>
    /// A timeline: one marker per meeting at its date, one row per kind (the rows are named on the axis, and a kind has
    /// the same colour in every chart). A meeting announced but not held is a hollow marker. Meetings of one kind too
    /// close in time to be told apart are spread a little up and down their row, so every meeting shows.
    /// </summary>
    public static Drawing Timeline(IReadOnlyList<(DateOnly Date, string Kind, bool Held)> events, FigureTheme theme, double height = 170)
    {
        var plot = NewPlot(theme);
        var kinds = events.Select(e => e.Kind).Distinct().OrderBy(KindOrder).ThenBy(k => k, StringComparer.Ordinal).ToList();
        var chartHeight = Math.Max(height, 70 + kinds.Count * 26);
        var (from, to) = DateRange(events.Min(e => e.Date), events.Max(e => e.Date));
        // About the width of one marker, in days, on a plot of roughly the chart's width less its axis labels.
        var close = (to.DayNumber - from.DayNumber) * 11.0 / (Width - 120);
        for (var k = 0; k < kinds.Count; k++)
        {
            var colour = SpColor.FromHex(SeriesColour(kinds[k], k, theme));
            var row = kinds.Count - 1 - k;
            var dates = events.Where(e => e.Kind == kinds[k]).OrderBy(e => e.Date).ThenBy(e => !e.Held).ToList();
            var clusters = new List<List<(DateOnly Date, string Kind, bool Held)>>();
            foreach (var e in dates)
            {
                if (clusters.Count > 0 && e.Date.DayNumber - clusters[^1][^1].Date.DayNumber < close)
                    clusters[^1].Add(e);
                else
                    clusters.Add([e]);
            }
            foreach (var cluster in clusters)
            {
                var step = cluster.Count > 1 ? Math.Min(0.36, 0.8 / (cluster.Count - 1)) : 0;
                for (var j = 0; j < cluster.Count; j++)
                {
                    var y = row + (j - (cluster.Count - 1) / 2.0) * step;
                    var x = OaDate(cluster[j].Date);
                    var marker = plot.Add.Marker(x, y, cluster[j].Held ? MarkerShape.FilledCircle : MarkerShape.OpenCircle, 9, colour);
                    marker.MarkerStyle.LineColor = cluster[j].Held ? SpColor.FromHex("#FFFFFF") : colour;
                    marker.MarkerStyle.LineWidth = cluster[j].Held ? 1 : 1.8f;
                    if (!cluster[j].Held)
                        marker.MarkerStyle.FillColor = SpColor.FromHex("#FFFFFF");
                }
            }
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, kinds.Count).Select(i => (double)(kinds.Count - 1 - i)).ToArray(), kinds.Select(Capitalise).ToArray());
        DateAxis(plot, events.Min(e => e.Date), events.Max(e => e.Date));
        plot.Axes.SetLimitsY(-0.6, kinds.Count - 0.4);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        if (events.Any(e => !e.Held))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Held", MarkerShape = MarkerShape.FilledCircle, MarkerSize = 8, MarkerColor = SpColor.FromHex(theme.Colours.Muted), MarkerLineWidth = 0 });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Announced, not held", MarkerShape = MarkerShape.OpenCircle, MarkerSize = 8, MarkerColor = SpColor.FromHex(theme.Colours.Muted), MarkerLineWidth = 1.8f });
            ShowLegend(plot, theme);
            plot.Legend.Alignment = Alignment.UpperRight;
            plot.Axes.SetLimitsY(-0.6, kinds.Count + 0.6);
        }
        return Render(plot, theme, chartHeight);
    }

    /// <summary>The kinds of meeting in a fixed order (the order of the record model), so a kind keeps its colour in every chart.</summary>
    private static readonly IReadOnlyList<string> KindWords = Enum.GetValues<Records.MeetingKind>().Select(Packs.ViewModels.Words.Kind).ToList();

    private static int KindOrder(string series)
    {
        for (var i = 0; i < KindWords.Count; i++)
            if (string.Equals(KindWords[i], series, StringComparison.OrdinalIgnoreCase))
                return i;
        return int.MaxValue;
    }

    /// <summary>
    /// A series' colour: a kind of meeting has its own fixed colour from the theme's palette wherever it is drawn; any
    /// other series (regions) is drawn in tones of the text colour, a family apart, so a colour never names a kind in one
    /// chart and a region in the chart beside it.
    /// </summary>
    internal static string SeriesColour(string series, int index, FigureTheme theme)
    {
        var k = KindOrder(series);
        if (k != int.MaxValue)
        {
            // Past the palette's end (it has fewer colours than there are kinds), lighter tones of the accent and marking colours.
            string[] more = [FigureTheme.Mix(theme.Colours.Accent, 0.75), FigureTheme.Mix(theme.Colours.Marking, 0.75), FigureTheme.Mix(theme.Colours.Heading, 0.4)];
            return k < theme.Palette.Count ? theme.Palette[k] : more[(k - theme.Palette.Count) % more.Length];
        }
        double[] tones = [0.15, 0.45, 0.7, 0.3, 0.58, 0.82];
        return FigureTheme.Mix(theme.Colours.Text, tones[index % tones.Length]);
    }

    /// <summary>A step line: the level (an ordered list, lowest first) from each date until the next, and on to <paramref name="until"/>.</summary>
    public static Drawing StepLine(IReadOnlyList<(DateOnly Date, string Level)> steps, IReadOnlyList<string> levels, DateOnly until, FigureTheme theme, double height = 170)
    {
        var plot = NewPlot(theme);
        var xs = steps.Select(s => OaDate(s.Date)).Append(OaDate(until)).ToArray();
        var ys = steps.Select(s => (double)levels.ToList().IndexOf(s.Level)).Append(levels.ToList().IndexOf(steps[^1].Level)).ToArray();
        var line = plot.Add.Scatter(xs, ys, SpColor.FromHex(theme.Colours.Heading));
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LineWidth = 2.5f;
        line.MarkerSize = 0;
        var points = plot.Add.Markers(xs[..^1], ys[..^1], MarkerShape.FilledCircle, 8, SpColor.FromHex(theme.Colours.Heading));
        points.MarkerStyle.LineColor = SpColor.FromHex("#FFFFFF");
        points.MarkerStyle.LineWidth = 1;
        // The levels are named on the vertical axis, each on its own row and wrapped to a few short lines: a name inside
        // the plot would run past its edge or be crossed by the next step's line for some data.
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, levels.Count).Select(i => (double)i).ToArray(), levels.Select(l => Wrap(Capitalise(l), 24)).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        DateAxis(plot, steps[0].Date, until);
        plot.Axes.SetLimitsY(-0.5, levels.Count - 0.5);
        var lines = levels.Sum(l => Wrap(l, 24).Split('\n').Length);
        return Render(plot, theme, Math.Max(height, 60 + Math.Max(levels.Count * 24, lines * 13)));
    }

    private static double OaDate(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();

    /// <summary>Year ticks (or month ticks for a span under two years), with a margin either side.</summary>
    private static (DateOnly From, DateOnly To) DateRange(DateOnly first, DateOnly last)
    {
        var span = Math.Max(30, last.DayNumber - first.DayNumber);
        return (first.AddDays(-(int)Math.Ceiling(span * 0.08) - 10), last.AddDays((int)Math.Ceiling(span * 0.08) + 10));
    }

    private static void DateAxis(Plot plot, DateOnly first, DateOnly last)
    {
        var (from, to) = DateRange(first, last);
        var ticks = new List<(double, string)>();
        if (to.DayNumber - from.DayNumber > 730)
        {
            var step = Math.Max(1, (int)Math.Ceiling((to.Year - from.Year) / 7.0));
            for (var year = from.Year + 1; year <= to.Year; year++)
                if (year % step == 0)
                    ticks.Add((OaDate(new DateOnly(year, 1, 1)), year.ToString(CultureInfo.InvariantCulture)));
        }
        else
        {
            var days = to.DayNumber - from.DayNumber;
            var step = days > 400 ? 3 : days > 200 ? 2 : 1;
            // The year is named at the first tick and at every January.
            for (var month = new DateOnly(from.Year, from.Month, 1).AddMonths(1); month <= to; month = month.AddMonths(1))
                if ((month.Month - 1) % step == 0)
                    ticks.Add((OaDate(month), month.ToString(month.Month == 1 || ticks.Count == 0 ? "MMM yyyy" : "MMM", CultureInfo.InvariantCulture)));
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.Select(t => t.Item1).ToArray(), ticks.Select(t => t.Item2).ToArray());
        plot.Axes.SetLimitsX(OaDate(from), OaDate(to));
    }

    private static ScottPlot.TickGenerators.NumericManual IntegerTicks(double top)
    {
        var step = top <= 6 ? 1 : Math.Ceiling(top / 5);
        var ticks = new List<double>();
        for (double v = 0; v <= top * 1.12 + 0.001; v += step)
            ticks.Add(v);
        return new ScottPlot.TickGenerators.NumericManual(ticks.ToArray(), ticks.Select(t => t.ToString("0", CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>Breaks a label at spaces into lines of about <paramref name="width"/> characters (a longer word stays whole).</summary>
    internal static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
                line = line.Length == 0 ? word : line + " " + word;
        }
        lines.Add(line);
        return string.Join('\n', lines);
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static Plot NewPlot(FigureTheme theme)
    {
        BundledFontResolver.Register();
        var plot = new Plot();
        plot.Font.Set(theme.Fonts.Heading);
        plot.FigureBackground.Color = SpColor.FromHex("#FFFFFF");
        plot.DataBackground.Color = SpColor.FromHex("#FFFFFF");
        var text = SpColor.FromHex(theme.Colours.Text);
        var rule = SpColor.FromHex(theme.Colours.Rule);
        plot.Axes.Color(text);
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Left.FrameLineStyle.Color = rule;
        plot.Axes.Bottom.FrameLineStyle.Color = rule;
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.TickLabelStyle.FontSize = 9;
            axis.MajorTickStyle.Color = rule;
            axis.MinorTickStyle.Length = 0;
        }
        plot.Grid.MajorLineColor = SpColor.FromHex(FigureTheme.Mix(theme.Colours.Rule, 0.6));
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        return plot;
    }

    private static void ShowLegend(Plot plot, FigureTheme theme)
    {
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontSize = 9;
        plot.Legend.FontColor = SpColor.FromHex(theme.Colours.Text);
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowOffset = new PixelOffset(0, 0);
        plot.Legend.BackgroundColor = SpColor.FromHex("#FFFFFF");
    }

    private static Drawing Render(Plot plot, FigureTheme theme, double height)
    {
        var svg = plot.GetSvgXml((int)Width, (int)Math.Round(height));
        return SvgDisplayList.Read(svg, Width, Math.Round(height), theme.Fonts);
    }
}

/// <summary>
/// Gives ScottPlot the bundled faces (Noto) for the theme's families, so it measures text with the fonts the
/// writers draw it in, on every machine alike.
/// </summary>
internal sealed class BundledFontResolver : IFontResolver
{
    private static readonly Lock Gate = new();
    private static bool registered;
    private static readonly Dictionary<(string, bool, bool), SKTypeface> Faces = [];

    public static void Register()
    {
        lock (Gate)
        {
            if (registered)
                return;
            ScottPlot.Fonts.FontResolvers.Insert(0, new BundledFontResolver());
            registered = true;
        }
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic)
    {
        var file = BundledFonts.File(fontName, bold, italic);
        if (file is null)
            return null;
        lock (Gate)
        {
            if (!Faces.TryGetValue((file, bold, italic), out var face))
                Faces[(file, bold, italic)] = face = SKTypeface.FromData(InPlace(BundledFonts.Read(file)));
            return face;
        }
    }

    /// <summary>A bundled font's bytes for Skia where they are (pinned for the process's life), not copied.</summary>
    private static SKData InPlace(byte[] bundled) => SKData.Create(BundledFonts.NativeAddress(bundled).Address, bundled.Length);

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
}
