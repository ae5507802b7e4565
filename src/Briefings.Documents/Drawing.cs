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
    public DrawingRect? Clip { get; init; }
}

/// <summary>A path, filled (<see cref="Fill"/>) and/or stroked (<see cref="Stroke"/>, <see cref="StrokeWidth"/> units).</summary>
public sealed record DrawingPath(IReadOnlyList<PathSegment> Segments, string? Fill, string? Stroke, double StrokeWidth) : DrawingItem;

/// <summary>
/// A line of text at (<see cref="X"/>, <see cref="Y"/>): the baseline's start, centre or end by <see cref="Anchor"/>.
/// </summary>
public sealed record DrawingText(string Text, FontRole Font, double Size, string Colour, double X, double Y, TextAnchor Anchor, bool Bold = false) : DrawingItem;

/// <summary>The theme font a drawing's text takes: the body font or the heading font.</summary>
public enum FontRole { Body, Heading }

public enum TextAnchor { Start, Middle, End }

public sealed record DrawingRect(double X, double Y, double Width, double Height);

public enum PathVerb { Move, Line, Cubic, Close }

/// <summary>
/// One step of a path: Move and Line go to (X, Y); Cubic curves to (X, Y) through control points (X1, Y1) and
/// (X2, Y2); Close returns to the start of the contour.
/// </summary>
public readonly record struct PathSegment(PathVerb Verb, double X, double Y, double X1 = 0, double Y1 = 0, double X2 = 0, double Y2 = 0)
{
    public static PathSegment MoveTo(double x, double y) => new(PathVerb.Move, x, y);
    public static PathSegment LineTo(double x, double y) => new(PathVerb.Line, x, y);
    public static PathSegment CubicTo(double x1, double y1, double x2, double y2, double x, double y) => new(PathVerb.Cubic, x, y, x1, y1, x2, y2);
    public static PathSegment Close() => new(PathVerb.Close, 0, 0);
}
