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
        var palette = theme.Palette;
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
                    FillColor = SpColor.FromHex(palette[s % palette.Count]), LineWidth = 0,
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
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Capitalise(series[s]), FillColor = SpColor.FromHex(palette[s % palette.Count]) });
        ShowLegend(plot, theme);
        return Render(plot, theme, height);
    }

    /// <summary>A timeline: one marker per meeting at its date, one row per kind.</summary>
    public static Drawing Timeline(IReadOnlyList<(DateOnly Date, string Kind)> events, FigureTheme theme, double height = 170)
    {
        var plot = NewPlot(theme);
        var palette = theme.Palette;
        var kinds = events.Select(e => e.Kind).Distinct().ToList();
        for (var k = 0; k < kinds.Count; k++)
        {
            var dates = events.Where(e => e.Kind == kinds[k]).Select(e => OaDate(e.Date)).ToArray();
            var markers = plot.Add.Markers(dates, dates.Select(_ => (double)(kinds.Count - 1 - k)).ToArray(), MarkerShape.FilledCircle, 9, SpColor.FromHex(palette[k % palette.Count]));
            markers.MarkerStyle.LineColor = SpColor.FromHex("#FFFFFF");
            markers.MarkerStyle.LineWidth = 1;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, kinds.Count).Select(i => (double)(kinds.Count - 1 - i)).ToArray(), kinds.Select(Capitalise).ToArray());
        DateAxis(plot, events.Min(e => e.Date), events.Max(e => e.Date));
        plot.Axes.SetLimitsY(-0.6, kinds.Count - 0.4);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        return Render(plot, theme, Math.Max(height, 70 + kinds.Count * 26));
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
        // Each level is named beside the point where it begins (long names would crowd a vertical axis).
        var span = xs[^1] - xs[0];
        for (var i = 0; i < steps.Count; i++)
        {
            var label = plot.Add.Text(Capitalise(steps[i].Level), xs[i], ys[i]);
            label.LabelFontSize = 9;
            label.LabelFontColor = SpColor.FromHex(theme.Colours.Text);
            var right = span > 0 && (xs[i] - xs[0]) / span > 0.5;
            label.LabelAlignment = right ? Alignment.LowerRight : Alignment.LowerLeft;
            label.OffsetX = right ? -6 : 6;
            label.OffsetY = -5;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, levels.Count).Select(i => (double)i).ToArray(), levels.Select(_ => "").ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        DateAxis(plot, steps[0].Date, until);
        plot.Axes.SetLimitsY(-0.5, levels.Count - 0.5);
        return Render(plot, theme, Math.Max(height, 60 + levels.Count * 24));
    }

    private static double OaDate(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();

    /// <summary>Year ticks (or month ticks for a span under two years), with a margin either side.</summary>
    private static void DateAxis(Plot plot, DateOnly first, DateOnly last)
    {
        var span = Math.Max(30, last.DayNumber - first.DayNumber);
        var from = first.AddDays(-(int)Math.Ceiling(span * 0.08) - 10);
        var to = last.AddDays((int)Math.Ceiling(span * 0.08) + 10);
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
                Faces[(file, bold, italic)] = face = SKTypeface.FromData(SKData.CreateCopy(BundledFonts.Read(file)));
            return face;
        }
    }

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
}
