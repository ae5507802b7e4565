namespace Briefings.Documents;

/// <summary>
/// Vector drawing instructions, a small display list both writers replay: paths and text items in a
/// coordinate space <see cref="Width"/> x <see cref="Height"/> units (y grows downward), scaled by the writer to
/// the figure's size. Colours are "#RRGGBB"; fonts are named by role, so the theme's fonts draw the text.
/// </summary>
public sealed record Drawing(double Width, double Height, IReadOnlyList<DrawingItem> Items);

/// <summary>One instruction of a <see cref="Drawing"/>, drawn in list order; <see cref="Clip"/> limits it to a rectangle.</summary>
public abstract record DrawingItem
{
    /// <summary>The rectangle, in drawing units, outside which this item is not drawn; null: not clipped.</summary>
    public DrawingRect? Clip { get; init; }
}

/// <summary>A path, filled (<see cref="Fill"/>) and/or stroked (<see cref="Stroke"/>, <see cref="StrokeWidth"/> units).</summary>
public sealed record DrawingPath(IReadOnlyList<PathSegment> Segments, string? Fill, string? Stroke, double StrokeWidth) : DrawingItem
{
    /// <summary>
    /// True when every edge of this filled path lies under a later stroke at least as wide as a device pixel (a
    /// map's countries under their borders): a raster writer may then fill it without anti-aliasing, which looks
    /// the same and costs far less. Vector writers ignore it.
    /// </summary>
    public bool EdgesCovered { get; init; }

    /// <summary>
    /// True for a stroke of a mesh of many fine lines (a map's borders and coasts, thousands of segments): a raster
    /// writer at print resolution may stroke it without anti-aliasing. At 300 dpi its steps are a quarter of a point,
    /// smoothed away when the picture is shown smaller, and anti-aliasing such a mesh was two thirds of a map's raster
    /// time. Vector writers ignore it.
    /// </summary>
    public bool Mesh { get; init; }
}

/// <summary>
/// A line of text at (<see cref="X"/>, <see cref="Y"/>): the baseline's start, centre or end by <see cref="Anchor"/>.
/// </summary>
public sealed record DrawingText(string Text, FontRole Font, double Size, string Colour, double X, double Y, TextAnchor Anchor, bool Bold = false) : DrawingItem;

/// <summary>The theme font a drawing's text takes: the body font or the heading font.</summary>
public enum FontRole
{
    /// <summary>The theme's body font.</summary>
    Body,
    /// <summary>The theme's heading font.</summary>
    Heading,
}

/// <summary>Which point of a line of text its position gives.</summary>
public enum TextAnchor
{
    /// <summary>The start of the baseline (the left end in left-to-right text).</summary>
    Start,
    /// <summary>The middle of the baseline.</summary>
    Middle,
    /// <summary>The end of the baseline.</summary>
    End,
}

/// <summary>A rectangle in drawing units: its top-left corner (<paramref name="X"/>, <paramref name="Y"/>), width and height.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge (y grows downward).</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public sealed record DrawingRect(double X, double Y, double Width, double Height);

/// <summary>What a <see cref="PathSegment"/> does.</summary>
public enum PathVerb
{
    /// <summary>Starts a new contour at the point.</summary>
    Move,
    /// <summary>A straight line to the point.</summary>
    Line,
    /// <summary>A cubic Bézier curve to the point through two control points.</summary>
    Cubic,
    /// <summary>A straight line back to the contour's start, closing it.</summary>
    Close,
}

/// <summary>
/// One step of a path: Move and Line go to (X, Y); Cubic curves to (X, Y) through control points (X1, Y1) and
/// (X2, Y2); Close returns to the start of the contour.
/// </summary>
public readonly record struct PathSegment(PathVerb Verb, double X, double Y, double X1 = 0, double Y1 = 0, double X2 = 0, double Y2 = 0)
{
    /// <summary>Starts a contour at (x, y).</summary>
    public static PathSegment MoveTo(double x, double y) => new(PathVerb.Move, x, y);
    /// <summary>A line to (x, y).</summary>
    public static PathSegment LineTo(double x, double y) => new(PathVerb.Line, x, y);
    /// <summary>A cubic curve to (x, y) through the control points (x1, y1) and (x2, y2).</summary>
    public static PathSegment CubicTo(double x1, double y1, double x2, double y2, double x, double y) => new(PathVerb.Cubic, x, y, x1, y1, x2, y2);
    /// <summary>Closes the contour.</summary>
    public static PathSegment Close() => new(PathVerb.Close, 0, 0);

    /// <summary>An ellipse centred at (cx, cy) with radii rx and ry (equal: a circle) as four cubic arcs, closed.</summary>
    public static List<PathSegment> Ellipse(double cx, double cy, double rx, double ry)
    {
        const double k = 0.5522847498; // control-point distance for a quarter circle
        return
        [
            MoveTo(cx + rx, cy),
            CubicTo(cx + rx, cy + ry * k, cx + rx * k, cy + ry, cx, cy + ry),
            CubicTo(cx - rx * k, cy + ry, cx - rx, cy + ry * k, cx - rx, cy),
            CubicTo(cx - rx, cy - ry * k, cx - rx * k, cy - ry, cx, cy - ry),
            CubicTo(cx + rx * k, cy - ry, cx + rx, cy - ry * k, cx + rx, cy),
            Close(),
        ];
    }
}
