using System.Globalization;
using Briefings.Documents;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Briefings.Themes;

/// <summary>
/// Reads a parsed <c>theme.yaml</c> into a <see cref="Theme"/>: every key is looked up in a table of its section,
/// so a start-up pays for no reflection over the theme types (YamlDotNet's object deserializer inspects every type
/// and compiles its naming convention's regular expressions on first use). Keys left out keep their defaults; a
/// key not in the table, or a value of the wrong shape, is a <see cref="ThemeFormatException"/> at its position.
/// </summary>
internal static class ThemeReader
{
    private delegate T Setter<T>(T section, YamlNode value);

    private static readonly Dictionary<string, Setter<PageTheme>> PageKeys = new(StringComparer.Ordinal)
    {
        ["width"] = (s, v) => s with { Width = Number(v) },
        ["height"] = (s, v) => s with { Height = Number(v) },
        ["margin_top"] = (s, v) => s with { MarginTop = Number(v) },
        ["margin_bottom"] = (s, v) => s with { MarginBottom = Number(v) },
        ["margin_left"] = (s, v) => s with { MarginLeft = Number(v) },
        ["margin_right"] = (s, v) => s with { MarginRight = Number(v) },
    };

    private static readonly Dictionary<string, Setter<FontTheme>> FontKeys = new(StringComparer.Ordinal)
    {
        ["body"] = (s, v) => s with { Body = Text(v) },
        ["heading"] = (s, v) => s with { Heading = Text(v) },
        ["mono"] = (s, v) => s with { Mono = Text(v) },
        ["fallback"] = (s, v) => s with { Fallback = TextList(v) },
        ["body_size"] = (s, v) => s with { BodySize = Number(v) },
        ["line_height"] = (s, v) => s with { LineHeight = Number(v) },
        ["footnote_size"] = (s, v) => s with { FootnoteSize = Number(v) },
        ["paragraph_spacing"] = (s, v) => s with { ParagraphSpacing = Number(v) },
    };

    private static readonly Dictionary<string, Setter<ColourTheme>> ColourKeys = new(StringComparer.Ordinal)
    {
        ["text"] = (s, v) => s with { Text = Text(v) },
        ["heading"] = (s, v) => s with { Heading = Text(v) },
        ["accent"] = (s, v) => s with { Accent = Text(v) },
        ["link"] = (s, v) => s with { Link = Text(v) },
        ["muted"] = (s, v) => s with { Muted = Text(v) },
        ["rule"] = (s, v) => s with { Rule = Text(v) },
        ["marking"] = (s, v) => s with { Marking = Text(v) },
        ["callout_background"] = (s, v) => s with { CalloutBackground = Text(v) },
        ["callout_border"] = (s, v) => s with { CalloutBorder = Text(v) },
        ["quote_border"] = (s, v) => s with { QuoteBorder = Text(v) },
    };

    private static readonly Dictionary<string, Setter<HeadingTheme>> HeadingKeys = new(StringComparer.Ordinal)
    {
        ["title_size"] = (s, v) => s with { TitleSize = Number(v) },
        ["subtitle_size"] = (s, v) => s with { SubtitleSize = Number(v) },
        ["h1_size"] = (s, v) => s with { H1Size = Number(v) },
        ["h2_size"] = (s, v) => s with { H2Size = Number(v) },
        ["h3_size"] = (s, v) => s with { H3Size = Number(v) },
        ["space_before"] = (s, v) => s with { SpaceBefore = Number(v) },
        ["space_after"] = (s, v) => s with { SpaceAfter = Number(v) },
    };

    private static readonly Dictionary<string, Setter<TableTheme>> TableKeys = new(StringComparer.Ordinal)
    {
        ["header_background"] = (s, v) => s with { HeaderBackground = Text(v) },
        ["header_text"] = (s, v) => s with { HeaderText = Text(v) },
        ["band_background"] = (s, v) => s with { BandBackground = Text(v) },
        ["border"] = (s, v) => s with { Border = Text(v) },
        ["border_width"] = (s, v) => s with { BorderWidth = Number(v) },
        ["cell_padding"] = (s, v) => s with { CellPadding = Number(v) },
        ["font_size"] = (s, v) => s with { FontSize = Number(v) },
    };

    private static readonly Dictionary<string, Setter<CoverTheme>> CoverKeys = new(StringComparer.Ordinal)
    {
        ["enabled"] = (s, v) => s with { Enabled = Flag(v) },
        ["band_colour"] = (s, v) => s with { BandColour = Text(v) },
        ["band_height"] = (s, v) => s with { BandHeight = Number(v) },
        ["kicker"] = (s, v) => s with { Kicker = Text(v) },
    };

    private static readonly Dictionary<string, Setter<Theme>> Root = new(StringComparer.Ordinal)
    {
        ["page"] = (t, v) => t with { Page = Section(v, t.Page, PageKeys, "page") },
        ["fonts"] = (t, v) => t with { Fonts = Section(v, t.Fonts, FontKeys, "fonts") },
        ["colours"] = (t, v) => t with { Colours = Section(v, t.Colours, ColourKeys, "colours") },
        ["headings"] = (t, v) => t with { Headings = Section(v, t.Headings, HeadingKeys, "headings") },
        ["table"] = (t, v) => t with { Table = Section(v, t.Table, TableKeys, "table") },
        ["cover"] = (t, v) => t with { Cover = Section(v, t.Cover, CoverKeys, "cover") },
        ["markings"] = (t, v) => t with { Markings = StringMap(v) },
        ["date_format"] = (t, v) => t with { DateFormat = Text(v) },
        ["body_alignment"] = (t, v) => t with { BodyAlignment = Alignment(v) },
    };

    /// <summary>The theme a document's root node describes; null (no node) is the default theme.</summary>
    public static Theme Read(YamlNode? root) => root is null ? new Theme() : Section(root, new Theme(), Root, "the theme");

    private static T Section<T>(YamlNode node, T section, Dictionary<string, Setter<T>> keys, string name)
    {
        if (IsNull(node))
            return section;
        if (node is not YamlMappingNode mapping)
            throw new ThemeFormatException(node.Start, $"{name} must be a mapping of keys to values");
        foreach (var (key, value) in mapping.Children)
        {
            var text = key is YamlScalarNode { Value: { } k } ? k : null;
            if (text is null || !keys.TryGetValue(text, out var set))
                throw new ThemeFormatException(key.Start,
                    $"unknown key '{text ?? "?"}' in {name} (known: {string.Join(", ", keys.Keys)})");
            section = set(section, value);
        }
        return section;
    }

    private static string Text(YamlNode node) => node is YamlScalarNode { Value: { } value } && !IsNull(node)
        ? value
        : throw new ThemeFormatException(node.Start, "expected a text value here");

    private static double Number(YamlNode node) =>
        double.TryParse(Text(node), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ThemeFormatException(node.Start, $"'{Text(node)}' is not a number");

    private static bool Flag(YamlNode node) => Text(node).ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "on" => true,
        "false" or "no" or "n" or "off" => false,
        var other => throw new ThemeFormatException(node.Start, $"'{other}' is not true or false"),
    };

    private static TextAlignment Alignment(YamlNode node) =>
        Enum.TryParse<TextAlignment>(Text(node), ignoreCase: true, out var alignment) && Enum.IsDefined(alignment)
            ? alignment
            : throw new ThemeFormatException(node.Start,
                $"'{Text(node)}' is not one of {string.Join(", ", Enum.GetNames<TextAlignment>().Select(n => n.ToLowerInvariant()))}");

    private static List<string> TextList(YamlNode node) => node switch
    {
        YamlSequenceNode sequence => sequence.Children.Select(Text).ToList(),
        _ when IsNull(node) => [],
        _ => throw new ThemeFormatException(node.Start, "expected a list of values here"),
    };

    private static Dictionary<string, string> StringMap(YamlNode node)
    {
        if (IsNull(node))
            return [];
        if (node is not YamlMappingNode mapping)
            throw new ThemeFormatException(node.Start, "expected a mapping of keys to values here");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
            map[Text(key)] = Text(value);
        return map;
    }

    /// <summary>A plain <c>~</c>, <c>null</c> or nothing at all: YAML's null.</summary>
    private static bool IsNull(YamlNode node) => node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: var v }
        && (string.IsNullOrEmpty(v) || v is "~" or "null" or "Null" or "NULL");
}

/// <summary>A theme key or value of the wrong shape, at its position in the file.</summary>
internal sealed class ThemeFormatException(Mark at, string message) : Exception(message)
{
    public Mark At { get; } = at;
}
