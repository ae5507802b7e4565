using System.Globalization;
using Briefings.Documents;
using Briefings.Pdf.Fonts;
using Briefings.Pdf.Text;
using SkiaSharp;

namespace Briefings.Pdf.Rendering;

/// <summary>The theme turned into concrete text styles and colours for the layout engine.</summary>
internal sealed class PdfStyles
{
    public PdfStyles(Theme theme, FontSet fonts)
    {
        Theme = theme;
        Fonts = fonts;
        var f = theme.Fonts;
        TextColour = Colour(theme.Colours.Text);
        HeadingColour = Colour(theme.Colours.Heading);
        Accent = Colour(theme.Colours.Accent);
        LinkColour = Colour(theme.Colours.Link);
        Muted = Colour(theme.Colours.Muted);
        RuleColour = Colour(theme.Colours.Rule);
        MarkingColour = Colour(theme.Colours.Marking);
        CalloutBackground = Colour(theme.Colours.CalloutBackground);
        CalloutBorder = Colour(theme.Colours.CalloutBorder);
        QuoteBorder = Colour(theme.Colours.QuoteBorder);

        Body = new TextStyle(fonts.Body, (float)f.BodySize, TextColour);
        Footnote = new TextStyle(fonts.Body, (float)f.FootnoteSize, TextColour);
        Table = new TextStyle(fonts.Heading, (float)theme.Table.FontSize, TextColour);
        TableHeader = Table with { Bold = true, Color = Colour(theme.Table.HeaderText) };
        Furniture = new TextStyle(fonts.Heading, 8, Muted);
        Marking = new TextStyle(fonts.Heading, 8.5f, MarkingColour, Bold: true);
        LineHeight = (float)f.LineHeight;
        ParagraphSpacing = (float)f.ParagraphSpacing;
    }

    public Theme Theme { get; }
    public FontSet Fonts { get; }
    public SKColor TextColour { get; }
    public SKColor HeadingColour { get; }
    public SKColor Accent { get; }
    public SKColor LinkColour { get; }
    public SKColor Muted { get; }
    public SKColor RuleColour { get; }
    public SKColor MarkingColour { get; }
    public SKColor CalloutBackground { get; }
    public SKColor CalloutBorder { get; }
    public SKColor QuoteBorder { get; }
    public TextStyle Body { get; }
    public TextStyle Footnote { get; }
    public TextStyle Table { get; }
    public TextStyle TableHeader { get; }
    public TextStyle Furniture { get; }
    public TextStyle Marking { get; }
    public float LineHeight { get; }
    public float ParagraphSpacing { get; }

    public TextStyle Heading(int level) =>
        new(Fonts.Heading, (float)Theme.Headings.SizeFor(level), level >= 3 ? TextColour : HeadingColour, Bold: true);

    /// <summary>Parses "#RRGGBB" (or "#AARRGGBB"); a malformed colour is a clear error, not black.</summary>
    public static SKColor Colour(string value)
    {
        if (SKColor.TryParse(value, out var colour))
            return colour;
        throw new DocumentWriteException(DocumentCodes.BadTheme, $"The theme colour '{value}' is not a colour; write it as #RRGGBB.");
    }

    public static SKColor? OptionalColour(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Colour(value);

    public string FormatDate(DateOnly date) =>
        date.ToString(Theme.DateFormat, CultureInfo.InvariantCulture);
}
