using System.Globalization;
using System.Xml.Linq;
using Briefings.Documents;

namespace Briefings.Figures;

/// <summary>
/// Reads the SVG that ScottPlot writes (through Skia's SVG canvas) back into the document tree's display list:
/// rectangles, paths (M, L, Q, C, Z), circles and ellipses become paths; text becomes text items in the font role
/// whose family it names. Colours with opacity are blended onto white (the display list is opaque).
/// </summary>
internal static class SvgDisplayList
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static Drawing Read(string svg, double width, double height, FontTheme fonts)
    {
        var root = XElement.Parse(svg);
        var clips = root.Descendants(Svg + "clipPath")
            .Select(c => (Id: (string?)c.Attribute("id") ?? "", Rect: c.Element(Svg + "rect")))
            .Where(c => c.Rect is not null)
            .ToDictionary(c => c.Id, c => new DrawingRect(Num(c.Rect!, "x"), Num(c.Rect!, "y"), Num(c.Rect!, "width"), Num(c.Rect!, "height")));
        var items = new List<DrawingItem>();
        Walk(root, null, items, clips, fonts);
        // The first item is the plot's white background: the page is its background.
        if (items.Count > 0 && items[0] is DrawingPath { Fill: "#FFFFFF", Stroke: null })
            items.RemoveAt(0);
        return new Drawing(width, height, items);
    }

    private static void Walk(XElement parent, DrawingRect? clip, List<DrawingItem> items, Dictionary<string, DrawingRect> clips, FontTheme fonts)
    {
        foreach (var e in parent.Elements())
        {
            switch (e.Name.LocalName)
            {
                case "g":
                    var inner = clip;
                    if ((string?)e.Attribute("clip-path") is { } reference && reference.StartsWith("url(#", StringComparison.Ordinal)
                        && clips.TryGetValue(reference[5..^1], out var rect))
                        inner = rect;
                    Walk(e, inner, items, clips, fonts);
                    break;
                case "rect":
                    double x = Num(e, "x"), y = Num(e, "y"), w = Num(e, "width"), h = Num(e, "height");
                    Add(items, e, [PathSegment.MoveTo(x, y), PathSegment.LineTo(x + w, y), PathSegment.LineTo(x + w, y + h), PathSegment.LineTo(x, y + h), PathSegment.Close()], clip);
                    break;
                case "circle":
                    Add(items, e, PathSegment.Ellipse(Num(e, "cx"), Num(e, "cy"), Num(e, "r"), Num(e, "r")), clip);
                    break;
                case "ellipse":
                    Add(items, e, PathSegment.Ellipse(Num(e, "cx"), Num(e, "cy"), Num(e, "rx"), Num(e, "ry")), clip);
                    break;
                case "line":
                    Add(items, e, [PathSegment.MoveTo(Num(e, "x1"), Num(e, "y1")), PathSegment.LineTo(Num(e, "x2"), Num(e, "y2"))], clip);
                    break;
                case "path":
                    Add(items, e, PathData((string?)e.Attribute("d") ?? ""), clip);
                    break;
                case "text":
                    if (Text(e, fonts) is { } text)
                        items.Add(text with { Clip = clip });
                    break;
            }
        }
    }

    private static void Add(List<DrawingItem> items, XElement e, List<PathSegment> segments, DrawingRect? clip)
    {
        if (segments.Count == 0)
            return;
        var fill = Colour((string?)e.Attribute("fill") ?? "black", (string?)e.Attribute("fill-opacity"));
        var stroke = Colour((string?)e.Attribute("stroke"), (string?)e.Attribute("stroke-opacity"));
        var strokeWidth = e.Attribute("stroke-width") is null ? 1 : Num(e, "stroke-width");
        if (fill is null && (stroke is null || strokeWidth <= 0))
            return;
        items.Add(new DrawingPath(segments, fill, stroke, stroke is null ? 0 : strokeWidth) { Clip = clip });
    }

    private static DrawingText? Text(XElement e, FontTheme fonts)
    {
        var content = e.Value.Trim();
        if (content.Length == 0)
            return null;
        double tx = 0, ty = 0;
        if ((string?)e.Attribute("transform") is { } transform)
        {
            if (!transform.StartsWith("translate(", StringComparison.Ordinal) || transform.IndexOf(')') != transform.Length - 1)
                return null; // rotated text is not used by our charts
            var numbers = Numbers(transform["translate(".Length..^1]);
            tx = numbers.ElementAtOrDefault(0);
            ty = numbers.ElementAtOrDefault(1);
        }
        var x = Numbers((string?)e.Attribute("x") ?? "0").FirstOrDefault();
        var y = Numbers((string?)e.Attribute("y") ?? "0").FirstOrDefault();
        var family = (string?)e.Attribute("font-family") ?? "";
        var role = string.Equals(family, fonts.Heading, StringComparison.OrdinalIgnoreCase) && !string.Equals(fonts.Heading, fonts.Body, StringComparison.OrdinalIgnoreCase)
            ? FontRole.Heading : FontRole.Body;
        var bold = (string?)e.Attribute("font-weight") is "bold" or "700";
        var colour = Colour((string?)e.Attribute("fill") ?? "black", (string?)e.Attribute("fill-opacity")) ?? "#000000";
        return new DrawingText(content, role, Num(e, "font-size", 12), colour, tx + x, ty + y, TextAnchor.Start, bold);
    }

    /// <summary>SVG path data with absolute commands (what Skia writes): M, L, H, V, Q, C, Z; quadratics become cubics.</summary>
    internal static List<PathSegment> PathData(string d)
    {
        var segments = new List<PathSegment>();
        var tokens = Tokens(d);
        char command = 'M';
        double x = 0, y = 0, startX = 0, startY = 0;
        int i = 0;
        double Next() => i < tokens.Count && tokens[i].Number is { } n ? (i++, n).n : throw new FormatException($"path data ends early: '{d}'");
        while (i < tokens.Count)
        {
            if (tokens[i].Command is { } c)
            {
                command = c;
                i++;
                if (c is 'Z' or 'z')
                {
                    segments.Add(PathSegment.Close());
                    x = startX;
                    y = startY;
                    continue;
                }
            }
            switch (command)
            {
                case 'M':
                    x = Next(); y = Next();
                    startX = x; startY = y;
                    segments.Add(PathSegment.MoveTo(x, y));
                    command = 'L';
                    break;
                case 'L':
                    x = Next(); y = Next();
                    segments.Add(PathSegment.LineTo(x, y));
                    break;
                case 'H':
                    x = Next();
                    segments.Add(PathSegment.LineTo(x, y));
                    break;
                case 'V':
                    y = Next();
                    segments.Add(PathSegment.LineTo(x, y));
                    break;
                case 'C':
                    double x1 = Next(), y1 = Next(), x2 = Next(), y2 = Next();
                    x = Next(); y = Next();
                    segments.Add(PathSegment.CubicTo(x1, y1, x2, y2, x, y));
                    break;
                case 'Q':
                    double qx = Next(), qy = Next(), ex = Next(), ey = Next();
                    segments.Add(PathSegment.CubicTo(x + 2.0 / 3 * (qx - x), y + 2.0 / 3 * (qy - y), ex + 2.0 / 3 * (qx - ex), ey + 2.0 / 3 * (qy - ey), ex, ey));
                    x = ex; y = ey;
                    break;
                default:
                    throw new FormatException($"path command '{command}' is not read: '{d}'");
            }
        }
        return segments;
    }

    private static List<(char? Command, double? Number)> Tokens(string d)
    {
        var tokens = new List<(char?, double?)>();
        int i = 0;
        while (i < d.Length)
        {
            var c = d[i];
            if (char.IsWhiteSpace(c) || c == ',')
            {
                i++;
                continue;
            }
            if (char.IsAsciiLetter(c) && c is not ('e' or 'E'))
            {
                tokens.Add((c, null));
                i++;
                continue;
            }
            int start = i++;
            while (i < d.Length && (char.IsAsciiDigit(d[i]) || d[i] == '.' || d[i] is 'e' or 'E' || (d[i] is '-' or '+' && d[i - 1] is 'e' or 'E')))
                i++;
            tokens.Add((null, double.Parse(d.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture)));
        }
        return tokens;
    }

    private static IEnumerable<double> Numbers(string text) =>
        text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture));

    private static double Num(XElement e, string name, double fallback = 0) =>
        (string?)e.Attribute(name) is { } value ? double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) : fallback;

    /// <summary>"#RRGGBB", "white", "black" or "none", with an opacity blended onto white; null for none.</summary>
    private static string? Colour(string? value, string? opacity)
    {
        if (value is null or "none" or "transparent")
            return null;
        var (r, g, b) = value switch
        {
            "black" => (0, 0, 0),
            "white" => (255, 255, 255),
            _ when value.Length == 7 && value[0] == '#' => (Convert.ToInt32(value[1..3], 16), Convert.ToInt32(value[3..5], 16), Convert.ToInt32(value[5..7], 16)),
            _ => throw new FormatException($"colour '{value}' is not read"),
        };
        var a = opacity is null ? 1 : double.Parse(opacity, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (a <= 0.001)
            return null;
        int Blend(int channel) => (int)Math.Round(channel * a + 255 * (1 - a));
        return $"#{Blend(r):X2}{Blend(g):X2}{Blend(b):X2}";
    }
}
