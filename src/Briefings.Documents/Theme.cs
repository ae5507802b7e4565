namespace Briefings.Documents;

/// <summary>
/// How documents look, read by both writers. Loaded from templates/theme.yaml; every value has a default
/// so a writer can render without a theme file. Lengths are in points (1/72 inch), colours are "#RRGGBB".
/// </summary>
public sealed record Theme
{
    public PageTheme Page { get; init; } = new();
    public FontTheme Fonts { get; init; } = new();
    public ColourTheme Colours { get; init; } = new();
    public HeadingTheme Headings { get; init; } = new();
    public TableTheme Table { get; init; } = new();
    public CoverTheme Cover { get; init; } = new();
    /// <summary>Marking per audience ("internal", "public"); the pack puts the right one into the document metadata.</summary>
    public IReadOnlyDictionary<string, string> Markings { get; init; } = new Dictionary<string, string>
    {
        ["internal"] = "OFFICIAL — INTERNAL USE ONLY",
        ["public"] = "PUBLIC",
    };
    /// <summary>.NET date format used in prose and on the cover.</summary>
    public string DateFormat { get; init; } = "d MMMM yyyy";
    /// <summary>Body text alignment.</summary>
    public TextAlignment BodyAlignment { get; init; } = TextAlignment.Justify;
}

public enum TextAlignment { Left, Center, Right, Justify }

public sealed record PageTheme
{
    /// <summary>A4 by default (595.28 x 841.89 pt).</summary>
    public double Width { get; init; } = 595.28;
    public double Height { get; init; } = 841.89;
    public double MarginTop { get; init; } = 72;
    public double MarginBottom { get; init; } = 72;
    public double MarginLeft { get; init; } = 68;
    public double MarginRight { get; init; } = 68;
}

public sealed record FontTheme
{
    /// <summary>Family names; the bundled families are "Noto Serif" and "Noto Sans".</summary>
    public string Body { get; init; } = "Noto Serif";
    public string Heading { get; init; } = "Noto Sans";
    public string Mono { get; init; } = "Noto Sans Mono";
    /// <summary>Families (or font file paths) tried in order for characters the main fonts cannot draw.</summary>
    public IReadOnlyList<string> Fallback { get; init; } = [];
    public double BodySize { get; init; } = 10.5;
    /// <summary>Line height as a multiple of the font size.</summary>
    public double LineHeight { get; init; } = 1.35;
    public double FootnoteSize { get; init; } = 8;
    /// <summary>Space after a paragraph, in points.</summary>
    public double ParagraphSpacing { get; init; } = 6;
}

public sealed record ColourTheme
{
    public string Text { get; init; } = "#1A1A1A";
    public string Heading { get; init; } = "#1F3864";
    public string Accent { get; init; } = "#2E5C8A";
    public string Link { get; init; } = "#1F5FA8";
    public string Muted { get; init; } = "#5A5A5A";
    public string Rule { get; init; } = "#B0B7C3";
    public string Marking { get; init; } = "#A00000";
    public string CalloutBackground { get; init; } = "#EEF3F8";
    public string CalloutBorder { get; init; } = "#2E5C8A";
    public string QuoteBorder { get; init; } = "#B0B7C3";
}

public sealed record HeadingTheme
{
    public double TitleSize { get; init; } = 26;
    public double SubtitleSize { get; init; } = 14;
    public double H1Size { get; init; } = 16;
    public double H2Size { get; init; } = 13;
    public double H3Size { get; init; } = 11;
    /// <summary>Space before and after headings, in points.</summary>
    public double SpaceBefore { get; init; } = 14;
    public double SpaceAfter { get; init; } = 6;

    public double SizeFor(int level) => level switch { 1 => H1Size, 2 => H2Size, _ => H3Size };
}

public sealed record TableTheme
{
    public string HeaderBackground { get; init; } = "#1F3864";
    public string HeaderText { get; init; } = "#FFFFFF";
    /// <summary>Background of every second body row; empty for no banding.</summary>
    public string BandBackground { get; init; } = "#F2F5F9";
    public string Border { get; init; } = "#B0B7C3";
    public double BorderWidth { get; init; } = 0.5;
    public double CellPadding { get; init; } = 4;
    public double FontSize { get; init; } = 9;
}

public sealed record CoverTheme
{
    /// <summary>Whether the document starts with a cover page built from the metadata.</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>Colour of the band across the top of the cover.</summary>
    public string BandColour { get; init; } = "#1F3864";
    public double BandHeight { get; init; } = 140;
    /// <summary>Label printed above the title on the cover, e.g. "BRIEFING PACK".</summary>
    public string Kicker { get; init; } = "BRIEFING";
}

/// <summary>
/// The look a call-out's Kind selects, shared by both writers: "warning" (and "caution") boxes are amber,
/// "agenda" and "note" boxes neutral grey, every other kind ("points" ...) takes the theme's call-out colours.
/// </summary>
public static class CalloutKinds
{
    public static (string Background, string Border) Colours(string kind, ColourTheme theme) => kind.ToLowerInvariant() switch
    {
        "warning" or "caution" => ("#FDF3E1", "#B45F06"),
        "agenda" or "note" => ("#F2F4F6", "#5B6770"),
        _ => (theme.CalloutBackground, theme.CalloutBorder),
    };
}
