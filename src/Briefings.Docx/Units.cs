using System.Globalization;
using Briefings.Documents;

namespace Briefings.Docx;

/// <summary>Converts theme values (points, "#RRGGBB") into the units WordprocessingML stores.</summary>
internal static class Units
{
    /// <summary>Twentieths of a point: page sizes, margins, indents, spacing, table widths.</summary>
    public static int Twips(double points) => (int)Math.Round(points * 20, MidpointRounding.AwayFromZero);

    /// <summary>The width between the page's left and right margins, in twips: tables, call-outs and tab stops span it.</summary>
    public static int TextWidth(PageTheme page) => Twips(page.Width - page.MarginLeft - page.MarginRight);

    /// <summary>Half-points: font sizes.</summary>
    public static string HalfPoints(double points) => ((int)(InHalfPoints(points) * 2)).ToString(CultureInfo.InvariantCulture);

    /// <summary>A size as Word keeps it, in whole half-points (<see cref="HalfPoints"/>), in points.</summary>
    public static double InHalfPoints(double points) => Math.Round(points * 2, MidpointRounding.AwayFromZero) / 2;

    /// <summary>Eighths of a point: border widths. Word accepts 2 to 96.</summary>
    public static uint EighthPoints(double points) =>
        (uint)Math.Clamp((int)Math.Round(points * 8, MidpointRounding.AwayFromZero), 2, 96);

    /// <summary>Line spacing as a multiple of single spacing, in 240ths ("auto" line rule).</summary>
    public static string LineMultiple(double multiple) =>
        ((int)Math.Round(multiple * 240, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"#1F3864" becomes "1F3864". Callers check themes with <see cref="IsColour"/> first.</summary>
    public static string Colour(string hex) => hex.TrimStart('#').ToUpperInvariant();

    public static bool IsColour(string? value) => DocumentChecks.IsColour(value);
}
