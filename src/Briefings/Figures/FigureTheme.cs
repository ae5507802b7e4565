using Briefings.Documents;

namespace Briefings.Figures;

/// <summary>A theme's look for figures: the fonts (by family name) and a palette built from the theme's colours.</summary>
public sealed record FigureTheme(FontTheme Fonts, ColourTheme Colours)
{
    /// <summary>The figure look of a pack's theme.</summary>
    public static FigureTheme From(Theme theme) => new(theme.Fonts, theme.Colours);

    /// <summary>Series colours: the heading and accent colours, then lighter and muted tones of them, then the marking colour.</summary>
    public IReadOnlyList<string> Palette =>
    [
        Colours.Heading, Mix(Colours.Accent, 0.45), Colours.Marking, Mix(Colours.Muted, 0.2), Mix(Colours.Heading, 0.7),
        Mix(Colours.Marking, 0.5), Colours.Accent, Mix(Colours.Muted, 0.6),
    ];

    /// <summary>A colour lightened toward white by <paramref name="amount"/> (0 = as is, 1 = white).</summary>
    public static string Mix(string colour, double amount)
    {
        int Channel(int at) => Convert.ToInt32(colour.Substring(at, 2), 16);
        int Blend(int c) => (int)Math.Round(c + (255 - c) * amount);
        return $"#{Blend(Channel(1)):X2}{Blend(Channel(3)):X2}{Blend(Channel(5)):X2}";
    }
}
