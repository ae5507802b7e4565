using System.Globalization;
using Briefings.Documents;
using Briefings.Figures;

namespace Briefings.Markdown;

/// <summary>
/// What a <c>::: figure KIND</c> container says, read from its <c>key: value</c> lines and its data table, turned
/// into a <see cref="Figure"/> by the chart or map it names. Problems are returned, never thrown, so the reader
/// reports every one with its place.
/// </summary>
internal static class FigureReader
{
    public const string Kinds = "bars, timeline, step, map";

    /// <param name="kind">The chart or map the container names (one of <see cref="Kinds"/>).</param>
    /// <param name="settings">The key: value lines (keys lower case).</param>
    /// <param name="header">The data table's header cells (empty without a table).</param>
    /// <param name="rows">The data table's body rows, as plain text.</param>
    /// <param name="theme">The fonts and colours the figure is drawn in.</param>
    public static (Figure? Figure, List<string> Problems) Read(string kind, IReadOnlyDictionary<string, string> settings,
        IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, FigureTheme theme)
    {
        var problems = new List<string>();
        var alt = settings.GetValueOrDefault("alt")?.Trim() ?? "";
        if (alt.Length == 0)
            problems.Add("a figure needs alternative text: a line 'alt: ...' saying what it shows (counts, names, dates)");
        var caption = settings.GetValueOrDefault("caption")?.Trim() ?? "";
        foreach (var key in settings.Keys.Where(k => k is not ("alt" or "caption" or "width" or "aspect" or "levels" or "until")))
            problems.Add($"unknown figure setting '{key}' (known: alt, caption, width, aspect, levels, until)");
        if (rows.Count == 0)
            problems.Add($"a '{kind}' figure needs its data as a table below its settings");

        Drawing? drawing = null;
        if (rows.Count > 0)
        {
            drawing = kind switch
            {
                "bars" => Bars(header, rows, theme, problems),
                "timeline" => Timeline(rows, theme, problems),
                "step" => Step(settings, rows, theme, problems),
                "map" => Map(rows, theme, problems, ref alt),
                _ => Unknown(kind, problems),
            };
        }
        var size = Size(settings, drawing, problems);
        if (drawing is null || size is null || problems.Count > 0)
            return (null, problems);
        return (new Figure(caption, alt, size, drawing), problems);
    }

    private static Drawing? Unknown(string kind, List<string> problems)
    {
        problems.Add($"unknown figure kind '{kind}' (known: {Kinds})");
        return null;
    }

    private static FigureSize? Size(IReadOnlyDictionary<string, string> settings, Drawing? drawing, List<string> problems)
    {
        double fraction = 1;
        double? points = null;
        if (settings.GetValueOrDefault("width")?.Trim() is { Length: > 0 } width)
        {
            if (width.EndsWith('%') && Number(width[..^1]) is { } percent && percent is > 0 and <= 100)
                fraction = percent / 100;
            else if (width.EndsWith("pt", StringComparison.Ordinal) && Number(width[..^2]) is { } pt && pt > 0)
                points = pt;
            else if (width.EndsWith("cm", StringComparison.Ordinal) && Number(width[..^2]) is { } cm && cm > 0)
                points = cm / 2.54 * 72;
            else if (Number(width) is { } f && f is > 0 and <= 1)
                fraction = f;
            else
                problems.Add($"figure width '{width}' is not a width: write a share of the text width (80% or 0.8) or a length (12cm, 340pt)");
        }
        double? aspect = drawing is null ? null : drawing.Height / drawing.Width;
        if (settings.GetValueOrDefault("aspect")?.Trim() is { Length: > 0 } declared)
        {
            if (Number(declared) is { } a && a is > 0.05 and < 5)
                aspect = a;
            else
                problems.Add($"figure aspect '{declared}' is not a height-to-width ratio between 0.05 and 5");
        }
        return aspect is null ? null : new FigureSize(fraction, points, aspect.Value);
    }

    private static double? Number(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static DateOnly? Date(string text, List<string> problems)
    {
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        problems.Add($"'{text}' is not a date (yyyy-MM-dd)");
        return null;
    }

    /// <summary>Stacked bars: the first column names the bars, every further column is a series of counts.</summary>
    private static Drawing? Bars(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, FigureTheme theme, List<string> problems)
    {
        if (header.Count < 2)
        {
            problems.Add("a 'bars' figure's table needs a column of labels and at least one column of numbers");
            return null;
        }
        var values = new double[rows.Count, header.Count - 1];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 1; c < header.Count; c++)
            {
                var cell = c < rows[r].Count ? rows[r][c] : "";
                if (Number(cell) is { } v && v >= 0)
                    values[r, c - 1] = v;
                else
                    problems.Add($"'{cell}' in row '{rows[r][0]}', column '{header[c]}' is not a count");
            }
        }
        return problems.Count > 0 ? null : Charts.StackedBars(rows.Select(r => r[0]).ToList(), header.Skip(1).ToList(), values, theme);
    }

    /// <summary>A timeline: rows of date and kind.</summary>
    private static Drawing? Timeline(IReadOnlyList<IReadOnlyList<string>> rows, FigureTheme theme, List<string> problems)
    {
        // An optional third column is the status: 'held' (or empty) is drawn filled, anything else (planned, cancelled) hollow.
        var events = new List<(DateOnly, string, bool)>();
        foreach (var row in rows)
        {
            if (row.Count < 2 || Date(row[0], problems) is not { } date)
                continue;
            var status = row.Count > 2 ? row[2].Trim() : "";
            events.Add((date, row[1].Trim(), status.Length == 0 || status.Equals("held", StringComparison.OrdinalIgnoreCase)));
        }
        return problems.Count > 0 ? null : Charts.Timeline(events, theme);
    }

    /// <summary>A step line: rows of date and level; 'levels:' lists the levels lowest first, 'until:' where the line ends.</summary>
    private static Drawing? Step(IReadOnlyDictionary<string, string> settings, IReadOnlyList<IReadOnlyList<string>> rows, FigureTheme theme, List<string> problems)
    {
        var levels = (settings.GetValueOrDefault("levels") ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (levels.Count == 0)
            problems.Add("a 'step' figure needs 'levels: lowest; ...; highest'");
        var until = settings.GetValueOrDefault("until") is { } u ? Date(u, problems) : null;
        if (until is null && !settings.ContainsKey("until"))
            problems.Add("a 'step' figure needs 'until: yyyy-MM-dd', where its line ends");
        var steps = new List<(DateOnly, string)>();
        foreach (var row in rows)
        {
            if (row.Count < 2 || Date(row[0], problems) is not { } date)
                continue;
            var level = row[1].Trim();
            if (!levels.Contains(level))
                problems.Add($"level '{level}' is not one of the figure's levels ({string.Join("; ", levels)})");
            steps.Add((date, level));
        }
        return problems.Count > 0 ? null : Charts.StepLine(steps, levels, until!.Value, theme);
    }

    /// <summary>
    /// A map: rows of country (the name printed), role (home or met) and optionally other names separated by ';'. A
    /// route adds its stops in order, as rows of label, role 'stop' (or 'announced': drawn hollow), an empty cell, and
    /// the latitude and longitude in degrees.
    /// </summary>
    private static Drawing? Map(IReadOnlyList<IReadOnlyList<string>> rows, FigureTheme theme, List<string> problems, ref string alt)
    {
        var countries = new List<(string, string, WorldMap.Role)>();
        var route = new List<WorldMap.Stop>();
        var missing = new List<string>();
        foreach (var row in rows)
        {
            var label = row[0].Trim();
            var roleText = row.Count > 1 ? row[1].Trim().ToLowerInvariant() : "met";
            WorldMap.Role role;
            if (roleText is "stop" or "announced")
            {
                var latitude = row.Count > 3 ? Number(row[3]) : null;
                var longitude = row.Count > 4 ? Number(row[4]) : null;
                if (latitude is not { } lat || longitude is not { } lon || Math.Abs(lat) > 90 || Math.Abs(lon) > 180)
                    problems.Add($"the stop '{label}' needs its latitude and longitude in degrees (-90 to 90, -180 to 180) in the fourth and fifth columns");
                else
                    route.Add(new WorldMap.Stop(label, lat, lon, roleText == "stop"));
                continue;
            }
            if (roleText == "home")
                role = WorldMap.Role.Home;
            else if (roleText == "met")
                role = WorldMap.Role.Met;
            else
            {
                problems.Add($"map role '{roleText}' of '{label}' is not one of home, met, stop, announced");
                continue;
            }
            var names = new[] { label }.Concat(row.Count > 2 ? row[2].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : []);
            if (WorldMap.Find(names) is { } atlasName)
                countries.Add((atlasName, label, role));
            else
                missing.Add(label);
        }
        if (missing.Count > 0 && alt.Length > 0)
            alt += $" Too small for this map's scale and not drawn: {string.Join(", ", missing)}.";
        if (countries.Count == 0 && route.Count == 0)
            problems.Add("none of the map's countries is on the map");
        if (route.Count == 1)
            problems.Add("a route needs two stops or more (one place is not a journey)");
        return problems.Count > 0 ? null : WorldMap.Region(countries, theme, route: route);
    }
}
