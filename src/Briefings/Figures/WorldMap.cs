using Briefings.Documents;
using Box = (double West, double East, double South, double North);

namespace Briefings.Figures;

/// <summary>
/// Country boundaries from Natural Earth (the world-atlas package's 110m TopoJSON, vendored in templates/maps),
/// decoded once (delta-encoded, quantised arcs) and drawn as a regional map: an equirectangular projection
/// scaled by the cosine of the middle latitude, cut to the countries of interest with a margin.
/// </summary>
public static class WorldMap
{
    /// <summary>
    /// A country of the atlas: its name, each of its rings' bounds (holes included), the arcs each ring is made of
    /// (an index i &lt; 0 means arc ~i reversed), and the bounds of its main body (largest ring).
    /// </summary>
    private sealed record AtlasCountry(string Name, IReadOnlyList<Box> RingBounds, IReadOnlyList<int[]> RingArcs, Box Body)
    {
        /// <summary>Per ring, the whole turns (in degrees of longitude) each of its arcs is shifted by to join the one before.</summary>
        public IReadOnlyList<double[]> RingShifts { get; init; } = [];
    }

    /// <summary>The decoded atlas, shared by every map of the process: the arcs (shared borders once) and the countries.</summary>
    private sealed record AtlasData(IReadOnlyList<(double Lon, double Lat)[]> Arcs,
        IReadOnlyList<Box> ArcBounds, IReadOnlyList<AtlasCountry> Countries);

    private static readonly Lazy<AtlasData> Atlas = new(Load);

    /// <summary>How a country is drawn: the home side, a country met, or the background.</summary>
    public enum Role
    {
        /// <summary>The home side's country.</summary>
        Home,
        /// <summary>A country met.</summary>
        Met,
    }

    /// <summary>The atlas name a country matches, trying each of its names in turn (case and accents aside); null when the map does not have it.</summary>
    public static string? Find(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var key = Normalise(name);
            if (Atlas.Value.Countries.FirstOrDefault(c => Normalise(c.Name) == key) is { } country)
                return country.Name;
        }
        return null;
    }

    /// <summary>One stop of a route: its label, where it is (degrees north and east), and whether it took place (else drawn hollow: announced only).</summary>
    /// <param name="Label">What the map prints beside the point ("Samarkand, 15–16 Sep").</param>
    /// <param name="Latitude">Degrees north.</param>
    /// <param name="Longitude">Degrees east.</param>
    /// <param name="Held">Whether the stop took place; an announced one is drawn hollow.</param>
    public sealed record Stop(string Label, double Latitude, double Longitude, bool Held);

    /// <summary>
    /// The map of the region around <paramref name="countries"/> (atlas names), each coloured by its role, the met ones
    /// labelled. With <paramref name="route"/>, a journey: its stops in order, as points joined by arrows and labelled; the
    /// region is then that of the stops and the countries met (the home country is shaded where it falls inside).
    /// </summary>
    public static Drawing Region(IReadOnlyList<(string AtlasName, string Label, Role Role)> countries, FigureTheme theme, double width = 460,
        IReadOnlyList<Stop>? route = null)
    {
        var atlas = Atlas.Value;
        route ??= [];
        var chosen = countries.Select(c => (Country: atlas.Countries.First(a => a.Name == c.AtlasName), c.Label, c.Role)).ToList();
        // The region: the countries' main bodies (their largest rings), with a margin, at least 40 x 24 degrees; for a
        // route, the stops and the countries met, at least 20 x 12 degrees.
        var boxes = route.Count == 0
            ? chosen.Select(c => c.Country.Body).ToList()
            : route.Select(s => (West: s.Longitude, East: s.Longitude, South: s.Latitude, North: s.Latitude))
                .Concat(chosen.Where(c => c.Role == Role.Met).Select(c => c.Country.Body)).ToList();
        double west = boxes.Min(b => b.West), east = boxes.Max(b => b.East), south = boxes.Min(b => b.South), north = boxes.Max(b => b.North);
        double margin = Math.Max(route.Count == 0 ? 4 : 2, Math.Max(east - west, north - south) * 0.08);
        west -= margin; east += margin; south -= margin; north += margin;
        Widen(ref west, ref east, route.Count == 0 ? 40 : 20);
        Widen(ref south, ref north, route.Count == 0 ? 24 : 12);
        double k = Math.Cos((south + north) / 2 * Math.PI / 180);
        // Not taller than wide by more than 3:5 of the width: widen the longitudes instead.
        double spanX = (east - west) * k, spanY = north - south;
        if (spanY > spanX * 0.6)
        {
            Widen(ref west, ref east, spanY / 0.6 / k);
            spanX = (east - west) * k;
        }
        else if (spanY < spanX * 0.45)
        {
            Widen(ref south, ref north, spanX * 0.45);
            spanY = north - south;
        }
        south = Math.Max(south, -85);
        north = Math.Min(north, 85);
        spanY = north - south;
        double scale = width / spanX, height = Math.Round(spanY * scale, 1);
        (double X, double Y) Project((double Lon, double Lat) p) => ((p.Lon - west) * k * scale, (north - p.Lat) * scale);

        var clip = new DrawingRect(0, 0, width, height);
        var items = new List<DrawingItem>
        {
            new DrawingPath([PathSegment.MoveTo(0, 0), PathSegment.LineTo(width, 0), PathSegment.LineTo(width, height), PathSegment.LineTo(0, height), PathSegment.Close()],
                FigureTheme.Mix(theme.Colours.Accent, 0.9), null, 0),
        };
        var roles = chosen.ToDictionary(c => c.Country.Name, c => c.Role);
        var land = FigureTheme.Mix(theme.Colours.Muted, 0.8);
        // Each arc is projected once, without the points closer than a quarter point to the last one kept
        // (invisible at any output resolution up to 300 dpi); neighbours share their border arc, so they stay joined.
        var projected = new Dictionary<int, List<(double X, double Y)>>();
        List<(double X, double Y)> Arc(int index)
        {
            if (projected.TryGetValue(index, out var points))
                return points;
            var arc = atlas.Arcs[index];
            points = new List<(double X, double Y)>(arc.Length);
            for (var i = 0; i < arc.Length; i++)
            {
                var p = Project(arc[i]);
                if (i > 0 && i < arc.Length - 1 && Math.Abs(p.X - points[^1].X) + Math.Abs(p.Y - points[^1].Y) < 0.25)
                    continue;
                points.Add(p);
            }
            projected[index] = points;
            return points;
        }
        var borders = new SortedSet<int>();
        foreach (var country in atlas.Countries)
        {
            // Sized first: a map's paths are tens of thousands of segments, and a list grown by doubling copied them
            // over and over into fresh memory.
            var count = 0;
            for (var r = 0; r < country.RingArcs.Count; r++)
                if (Overlaps(country.RingBounds[r], west, east, south, north))
                    foreach (var n in country.RingArcs[r])
                        count += Arc(n >= 0 ? n : ~n).Count;
            if (count == 0)
                continue;
            var segments = new List<PathSegment>(count + country.RingArcs.Count);
            for (var r = 0; r < country.RingArcs.Count; r++)
            {
                if (!Overlaps(country.RingBounds[r], west, east, south, north))
                    continue;
                var start = segments.Count;
                for (var a = 0; a < country.RingArcs[r].Length; a++)
                {
                    var n = country.RingArcs[r][a];
                    var arc = Arc(n >= 0 ? n : ~n);
                    if (Overlaps(atlas.ArcBounds[n >= 0 ? n : ~n], west, east, south, north))
                        borders.Add(n >= 0 ? n : ~n);
                    var dx = country.RingShifts[r][a] * k * scale;
                    for (var i = 0; i < arc.Count; i++)
                    {
                        var (x, y) = arc[n >= 0 ? i : arc.Count - 1 - i];
                        x += dx;
                        if (i == 0 && segments.Count > start)
                            continue;
                        segments.Add(segments.Count == start ? PathSegment.MoveTo(x, y) : PathSegment.LineTo(x, y));
                    }
                }
                segments.Add(PathSegment.Close());
            }
            if (segments.Count == 0)
                continue;
            // On a route map the countries met are lighter, so the route drawn over them reads.
            var fill = roles.TryGetValue(country.Name, out var role)
                ? role == Role.Home ? FigureTheme.Mix(theme.Colours.Accent, 0.55) : route.Count == 0 ? theme.Colours.Heading : FigureTheme.Mix(theme.Colours.Heading, 0.45)
                : land;
            // Every edge is a border or coast stroked below (or lies outside the frame), so a raster may skip its anti-aliasing.
            items.Add(new DrawingPath(segments, fill, null, 0) { Clip = clip, EdgesCovered = true });
        }
        // The borders and coasts in view, each arc stroked once (a border stroked with each of its two countries
        // cost twice the rasterising, and a 300 dpi raster of the strokes was most of a map's cost).
        var lines = new List<PathSegment>(borders.Sum(index => Arc(index).Count));
        foreach (var index in borders)
        {
            var arc = Arc(index);
            for (var i = 0; i < arc.Count; i++)
                lines.Add(i == 0 ? PathSegment.MoveTo(arc[i].X, arc[i].Y) : PathSegment.LineTo(arc[i].X, arc[i].Y));
        }
        if (lines.Count > 0)
            items.Add(new DrawingPath(lines, null, "#FFFFFF", 0.5) { Clip = clip, Mesh = true });
        var taken = new List<(double Left, double Top, double Right, double Bottom)>();
        if (route.Count > 0)
            DrawRoute(route, items, taken, theme, p => Project((p.Longitude, p.Latitude)), width, height, clip);
        // Labels beside the countries' main bodies, in a white halo box so they read on any fill, only where they clear
        // the labels placed before them and the route's labels and points (moved up or down a line or two, else left
        // out: the alternative text names every country). Neighbours' labels (Kazakhstan, Uzbekistan) would otherwise
        // print over each other.
        foreach (var (country, label, countryRole) in chosen)
        {
            if (route.Count > 0 && countryRole == Role.Home)
                continue;
            var body = country.Body;
            var (x, y) = Project(((body.West + body.East) / 2, (body.South + body.North) / 2));
            // A small country would hide under its own label: the label goes just above it.
            var (_, top) = Project((body.West, body.North));
            if ((body.North - body.South) * scale < 30)
                y = top - 4;
            x = Math.Clamp(x, 30, width - 30);
            y = Math.Clamp(y, 12, height - 4);
            const double size = 8.5;
            var half = label.Length * size * 0.29 + 3;
            var free = new[] { 0.0, 14, -14, 28, -28 }.Select(dy => y + dy)
                .Where(cy => cy - size >= 0 && cy + 3 <= height)
                .Cast<double?>()
                .FirstOrDefault(cy => !taken.Any(t => Overlap(t, (x - half, cy!.Value - size, x + half, cy.Value + 3))));
            if (free is not { } placed)
                continue;
            y = placed;
            taken.Add((x - half, y - size, x + half, y + 3));
            items.Add(new DrawingPath([PathSegment.MoveTo(x - half, y - size), PathSegment.LineTo(x + half, y - size), PathSegment.LineTo(x + half, y + 3),
                PathSegment.LineTo(x - half, y + 3), PathSegment.Close()], "#FFFFFF", null, 0) { Clip = clip });
            items.Add(new DrawingText(label, FontRole.Heading, size, theme.Colours.Text, x, y, TextAnchor.Middle, Bold: true));
        }
        items.Add(new DrawingPath([PathSegment.MoveTo(0, 0), PathSegment.LineTo(width, 0), PathSegment.LineTo(width, height), PathSegment.LineTo(0, height), PathSegment.Close()],
            null, theme.Colours.Rule, 0.75));
        return new Drawing(width, height, items);
    }

    private static bool Overlap((double Left, double Top, double Right, double Bottom) a, (double Left, double Top, double Right, double Bottom) b) =>
        a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;

    /// <summary>
    /// The route: a gently curved arrow from each stop to the next, a point at each stop (hollow when only announced),
    /// and each stop's label beside its point, right of it or, where that would leave the frame or cover another label,
    /// left of it or below. Every label and point drawn is added to <paramref name="taken"/>.
    /// </summary>
    private static void DrawRoute(IReadOnlyList<Stop> route, List<DrawingItem> items, List<(double Left, double Top, double Right, double Bottom)> taken,
        FigureTheme theme, Func<Stop, (double X, double Y)> project, double width, double height, DrawingRect clip)
    {
        var colour = theme.Colours.Marking;
        const double radius = 3.5, size = 8.5;
        var points = route.Select(project).ToList();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (ax, ay) = points[i];
            var (bx, by) = points[i + 1];
            double dx = bx - ax, dy = by - ay, length = Math.Sqrt(dx * dx + dy * dy);
            if (length < 3 * radius)
                continue;
            double ux = dx / length, uy = dy / length, nx = -uy, ny = ux;
            double sx = ax + ux * (radius + 2), sy = ay + uy * (radius + 2), ex = bx - ux * (radius + 2), ey = by - uy * (radius + 2);
            // A bow of a sixth of the distance, to the left of the direction of travel, so a return leg does not overlay the way out.
            double bow = length / 6;
            double c1x = sx + dx / 3 + nx * bow, c1y = sy + dy / 3 + ny * bow, c2x = ex - dx / 3 + nx * bow, c2y = ey - dy / 3 + ny * bow;
            // The arrow head along the curve's end tangent; the line stops at the head's base.
            double tx = ex - c2x, ty = ey - c2y, t = Math.Sqrt(tx * tx + ty * ty);
            tx /= t; ty /= t;
            const double head = 7, half = 3;
            double baseX = ex - tx * head, baseY = ey - ty * head;
            items.Add(new DrawingPath([PathSegment.MoveTo(sx, sy), PathSegment.CubicTo(c1x, c1y, c2x, c2y, baseX, baseY)], null, colour, 1.5) { Clip = clip });
            items.Add(new DrawingPath([PathSegment.MoveTo(ex, ey), PathSegment.LineTo(baseX - ty * half, baseY + tx * half),
                PathSegment.LineTo(baseX + ty * half, baseY - tx * half), PathSegment.Close()], colour, null, 0) { Clip = clip });
        }
        for (var i = 0; i < points.Count; i++)
        {
            var (x, y) = points[i];
            items.Add(new DrawingPath(PathSegment.Ellipse(x, y, radius, radius), route[i].Held ? colour : "#FFFFFF", route[i].Held ? "#FFFFFF" : colour, route[i].Held ? 1 : 1.5) { Clip = clip });
            taken.Add((x - radius - 1, y - radius - 1, x + radius + 1, y + radius + 1));
        }
        for (var i = 0; i < points.Count; i++)
        {
            var (x, y) = points[i];
            var label = route[i].Label;
            var labelWidth = label.Length * size * 0.56 + 6;
            // Right of the point, left of it, then below or above it, centred: the first that stays inside and clear.
            (double Left, double Baseline, TextAnchor Anchor, double TextX)[] candidates =
            [
                (x + radius + 3, y + 3, TextAnchor.Start, x + radius + 6),
                (x - radius - 3 - labelWidth, y + 3, TextAnchor.End, x - radius - 6),
                (x - labelWidth / 2, y + radius + size + 4, TextAnchor.Middle, x),
                (x - labelWidth / 2, y - radius - 5, TextAnchor.Middle, x),
            ];
            var chosen = candidates.FirstOrDefault(c => c.Left >= 1 && c.Left + labelWidth <= width - 1 && c.Baseline - size >= 1 && c.Baseline + 3 <= height - 1
                && !taken.Any(t => Overlap(t, (c.Left, c.Baseline - size, c.Left + labelWidth, c.Baseline + 3))), candidates[0]);
            var box = (chosen.Left, chosen.Baseline - size, chosen.Left + labelWidth, chosen.Baseline + 3);
            taken.Add(box);
            items.Add(new DrawingPath([PathSegment.MoveTo(box.Left, box.Item2), PathSegment.LineTo(box.Item3, box.Item2), PathSegment.LineTo(box.Item3, box.Item4),
                PathSegment.LineTo(box.Left, box.Item4), PathSegment.Close()], "#FFFFFF", null, 0) { Clip = clip });
            items.Add(new DrawingText(label, FontRole.Heading, size, theme.Colours.Text, chosen.TextX, chosen.Baseline, chosen.Anchor, Bold: true));
        }
    }

    private static void Widen(ref double low, ref double high, double minimum)
    {
        if (high - low >= minimum)
            return;
        var extra = (minimum - (high - low)) / 2;
        low -= extra;
        high += extra;
    }

    private static bool Overlaps(Box b, double west, double east, double south, double north) =>
        b.East >= west && b.West <= east && b.North >= south && b.South <= north;

    private static Box Bounds((double Lon, double Lat)[] ring) =>
        (ring.Min(p => p.Lon), ring.Max(p => p.Lon), ring.Min(p => p.Lat), ring.Max(p => p.Lat));

    private static string Normalise(string name) =>
        new(name.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>The bundled atlas (the library's copy of templates/maps/countries-110m.json), read.</summary>
    internal static Topology ReadAtlas()
    {
        using var stream = typeof(WorldMap).Assembly.GetManifestResourceStream("Briefings.Figures.countries-110m.json")
            ?? throw new InvalidOperationException("the map boundaries (countries-110m.json) are missing from the library");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Topology.Read(bytes);
    }

    /// <summary>
    /// Decodes the TopoJSON: arcs are quantised and delta-encoded; an arc index i &lt; 0 means arc ~i reversed. Read in
    /// one forward pass over the bytes (no document object model: building one for the 108 KB atlas cost a new process
    /// 11 ms, most of the map's one-time set-up); the members may come in any order.
    /// </summary>
    private static AtlasData Load()
    {
        var topology = ReadAtlas();
        var (sx, sy, tx, ty) = topology.Transform
            ?? throw new InvalidDataException("the map boundaries (countries-110m.json) have no quantisation transform");

        var arcs = new List<(double Lon, double Lat)[]>(topology.Arcs.Count);
        foreach (var arc in topology.Arcs)
        {
            var points = new (double, double)[arc.Length / 2];
            long x = 0, y = 0;
            for (var i = 0; i < points.Length; i++)
            {
                x += arc[2 * i];
                y += arc[2 * i + 1];
                var lon = x * sx + tx;
                // An arc across the antimeridian (Fiji, Chukotka) goes on past 180 degrees rather than jumping to -180,
                // which drew a line across the whole map.
                if (i > 0)
                    lon += 360 * Math.Round((points[i - 1].Item1 - lon) / 360);
                points[i] = (lon, y * sy + ty);
            }
            arcs.Add(points);
        }

        // A ring is its arcs joined, each shifted by whole turns so it starts where the one before ended. Its points
        // are walked, not gathered: what is kept is the shifts, the bounds and the area (which ring is the body).
        (Box Bounds, double Area, double[] Shifts) Ring(int[] indexes)
        {
            var shifts = new double[indexes.Length];
            double west = double.PositiveInfinity, east = double.NegativeInfinity;
            double south = double.PositiveInfinity, north = double.NegativeInfinity;
            // Twice the signed area (the shoelace sum), closed by the edge from the last point to the first.
            double edges = 0;
            (double Lon, double Lat) first = default, last = default;
            var started = false;
            for (var a = 0; a < indexes.Length; a++)
            {
                var n = indexes[a];
                var arc = arcs[n >= 0 ? n : ~n];
                var start = n >= 0 ? arc[0] : arc[^1];
                var shift = started ? 360 * Math.Round((last.Lon - start.Lon) / 360) : 0;
                shifts[a] = shift;
                for (var i = started ? 1 : 0; i < arc.Length; i++)
                {
                    var q = arc[n >= 0 ? i : arc.Length - 1 - i];
                    var p = (Lon: q.Lon + shift, q.Lat);
                    west = Math.Min(west, p.Lon);
                    east = Math.Max(east, p.Lon);
                    south = Math.Min(south, p.Lat);
                    north = Math.Max(north, p.Lat);
                    if (started)
                        edges += (last.Lon - p.Lon) * (last.Lat + p.Lat);
                    else
                        first = p;
                    started = true;
                    last = p;
                }
            }
            var area = Math.Abs(((last.Lon - first.Lon) * (last.Lat + first.Lat) + edges) / 2);
            return ((west, east, south, north), area, shifts);
        }

        var countries = new List<AtlasCountry>();
        foreach (var (name, ringArcs) in topology.Countries)
        {
            if (ringArcs.Count == 0)
                continue;
            var rings = ringArcs.Select(Ring).ToList();
            countries.Add(new AtlasCountry(name, rings.Select(r => r.Bounds).ToList(), ringArcs, rings.MaxBy(r => r.Area).Bounds)
            {
                RingShifts = rings.Select(r => r.Shifts).ToList(),
            });
        }
        return new AtlasData(arcs, arcs.Select(Bounds).ToList(), countries);
    }
}
