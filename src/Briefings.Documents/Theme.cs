namespace Briefings.Documents;

/// <summary>
/// How documents look, read by both writers. Loaded from templates/theme.yaml; every value has a default
/// so a writer can render without a theme file. Lengths are in points (1/72 inch), colours are "#RRGGBB".
/// </summary>
public sealed record Theme
{
    /// <summary>Page size and margins.</summary>
    public PageTheme Page { get; init; } = new();
    /// <summary>Font families and sizes of body text, headings, code and footnotes.</summary>
    public FontTheme Fonts { get; init; } = new();
    /// <summary>Colours of text, headings, links, rules, the marking and call-outs.</summary>
    public ColourTheme Colours { get; init; } = new();
    /// <summary>Sizes and spacing of the title and the heading levels.</summary>
    public HeadingTheme Headings { get; init; } = new();
    /// <summary>How tables are drawn: header, banding, borders, padding and font size.</summary>
    public TableTheme Table { get; init; } = new();
    /// <summary>Whether there is a cover page and how it looks.</summary>
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

/// <summary>How lines of body text are aligned between the margins.</summary>
public enum TextAlignment
{
    /// <summary>Lines start at the left margin, ragged right.</summary>
    Left,
    /// <summary>Lines are centred between the margins.</summary>
    Center,
    /// <summary>Lines end at the right margin, ragged left.</summary>
    Right,
    /// <summary>Lines fill the measure (the last line of a paragraph stays left-aligned).</summary>
    Justify,
}

/// <summary>Page size and margins, in points.</summary>
public sealed record PageTheme
{
    /// <summary>A4 by default (595.28 x 841.89 pt).</summary>
    public double Width { get; init; } = 595.28;
    /// <summary>Page height in points.</summary>
    public double Height { get; init; } = 841.89;
    /// <summary>Distance from the top edge of the page to the body text, in points.</summary>
    public double MarginTop { get; init; } = 72;
    /// <summary>Distance from the bottom edge of the page to the body text, in points.</summary>
    public double MarginBottom { get; init; } = 72;
    /// <summary>Left margin in points.</summary>
    public double MarginLeft { get; init; } = 68;
    /// <summary>Right margin in points.</summary>
    public double MarginRight { get; init; } = 68;
}

/// <summary>Font families and text sizes.</summary>
public sealed record FontTheme
{
    /// <summary>Family names; the bundled families are "Noto Serif" and "Noto Sans".</summary>
    public string Body { get; init; } = "Noto Serif";
    /// <summary>Family of headings and the title.</summary>
    public string Heading { get; init; } = "Noto Sans";
    /// <summary>Family of code (monospaced) text.</summary>
    public string Mono { get; init; } = "Noto Sans Mono";
    /// <summary>Families (or font file paths) tried in order for characters the main fonts cannot draw.</summary>
    public IReadOnlyList<string> Fallback { get; init; } = [];
    /// <summary>Size of body text in points.</summary>
    public double BodySize { get; init; } = 10.5;
    /// <summary>Line height as a multiple of the font size.</summary>
    public double LineHeight { get; init; } = 1.35;
    /// <summary>Size of footnote text in points.</summary>
    public double FootnoteSize { get; init; } = 8;
    /// <summary>Space after a paragraph, in points.</summary>
    public double ParagraphSpacing { get; init; } = 6;
}

/// <summary>The colours of the document, each "#RRGGBB".</summary>
public sealed record ColourTheme
{
    /// <summary>Body text.</summary>
    public string Text { get; init; } = "#1A1A1A";
    /// <summary>Headings and the title.</summary>
    public string Heading { get; init; } = "#1F3864";
    /// <summary>Accent colour: list bullets, footnote numbers, call-out titles and cover details.</summary>
    public string Accent { get; init; } = "#2E5C8A";
    /// <summary>Link text.</summary>
    public string Link { get; init; } = "#1F5FA8";
    /// <summary>Secondary text: subtitle, cover labels, quotation attributions.</summary>
    public string Muted { get; init; } = "#5A5A5A";
    /// <summary>Horizontal rules and thin separators.</summary>
    public string Rule { get; init; } = "#B0B7C3";
    /// <summary>The handling marking at the top and bottom of each page.</summary>
    public string Marking { get; init; } = "#A00000";
    /// <summary>Background of call-out boxes whose kind has no colours of its own (see <see cref="CalloutKinds"/>).</summary>
    public string CalloutBackground { get; init; } = "#EEF3F8";
    /// <summary>Border of call-out boxes whose kind has no colours of its own.</summary>
    public string CalloutBorder { get; init; } = "#2E5C8A";
    /// <summary>The bar beside a quotation.</summary>
    public string QuoteBorder { get; init; } = "#B0B7C3";
}

/// <summary>Sizes and spacing of the title and headings, in points.</summary>
public sealed record HeadingTheme
{
    /// <summary>Size of the document title on the cover.</summary>
    public double TitleSize { get; init; } = 26;
    /// <summary>Size of the subtitle on the cover.</summary>
    public double SubtitleSize { get; init; } = 14;
    /// <summary>Size of level-1 headings.</summary>
    public double H1Size { get; init; } = 16;
    /// <summary>Size of level-2 headings.</summary>
    public double H2Size { get; init; } = 13;
    /// <summary>Size of level-3 headings (and deeper levels, folded to 3).</summary>
    public double H3Size { get; init; } = 11;
    /// <summary>Space before and after headings, in points.</summary>
    public double SpaceBefore { get; init; } = 14;
    /// <summary>Space after a heading, in points.</summary>
    public double SpaceAfter { get; init; } = 6;

    /// <summary>The font size of a heading of the given level (1 to 3; deeper levels take the level-3 size).</summary>
    public double SizeFor(int level) => level switch { 1 => H1Size, 2 => H2Size, _ => H3Size };
}

/// <summary>How tables are drawn.</summary>
public sealed record TableTheme
{
    /// <summary>Background of header rows.</summary>
    public string HeaderBackground { get; init; } = "#1F3864";
    /// <summary>Text colour of header rows.</summary>
    public string HeaderText { get; init; } = "#FFFFFF";
    /// <summary>Background of every second body row; empty for no banding.</summary>
    public string BandBackground { get; init; } = "#F2F5F9";
    /// <summary>Colour of cell borders.</summary>
    public string Border { get; init; } = "#B0B7C3";
    /// <summary>Width of cell borders, in points.</summary>
    public double BorderWidth { get; init; } = 0.5;
    /// <summary>Space between a cell's border and its content, in points.</summary>
    public double CellPadding { get; init; } = 4;
    /// <summary>Size of table text, in points.</summary>
    public double FontSize { get; init; } = 9;
}

/// <summary>The cover page built from the document metadata.</summary>
public sealed record CoverTheme
{
    /// <summary>Whether the document starts with a cover page built from the metadata.</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>Colour of the band across the top of the cover.</summary>
    public string BandColour { get; init; } = "#1F3864";
    /// <summary>Height of the band across the top of the cover, in points.</summary>
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
    /// <summary>The background and border colours ("#RRGGBB") of a call-out of the given kind.</summary>
    public static (string Background, string Border) Colours(string kind, ColourTheme theme) => kind.ToLowerInvariant() switch
    {
        "warning" or "caution" => ("#FDF3E1", "#B45F06"),
        "agenda" or "note" => ("#F2F4F6", "#5B6770"),
        _ => (theme.CalloutBackground, theme.CalloutBorder),
    };
}
