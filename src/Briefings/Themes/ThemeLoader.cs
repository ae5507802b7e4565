using System.Text.RegularExpressions;
using Briefings.Documents;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Briefings.Themes;

/// <summary>
/// Loads <c>theme.yaml</c> (snake_case keys mirroring <see cref="Theme"/>: <c>page.margin_top</c>,
/// <c>colours.heading</c> ...) into the theme both writers read. Keys left out keep their defaults;
/// an unknown key or a malformed colour is an error naming file, line and column.
/// </summary>
public static partial class ThemeLoader
{
    /// <summary>File name of the theme in a templates folder.</summary>
    public const string FileName = "theme.yaml";

    /// <summary>Loads <c>theme.yaml</c> from the templates folder, or the default theme when the folder has none.</summary>
    public static Theme LoadFromFolder(string templatesFolder, string displayFolder = "templates")
    {
        var path = Path.Combine(templatesFolder, FileName);
        return File.Exists(path)
            ? Parse(File.ReadAllText(path), $"{displayFolder}/{FileName}")
            : new Theme();
    }

    /// <exception cref="ThemeException">with every problem found.</exception>
    public static Theme Parse(string yaml, string displayPath)
    {
        Theme theme;
        try
        {
            // The same guard as record files: bounded depth and size, no tags, anchors or aliases.
            // Read through the node tree, key by key (ThemeReader), not by YamlDotNet's reflection-based deserializer.
            YamlNode? root = null;
            if (!string.IsNullOrWhiteSpace(yaml))
            {
                var stream = new YamlStream();
                stream.Load(new Records.Loading.GuardedParser(new Parser(new StringReader(yaml)), Records.RecordLimits.Default));
                root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
            }
            theme = ThemeReader.Read(root);
        }
        catch (ThemeFormatException e)
        {
            throw new ThemeException([Diagnostic.ErrorAt(displayPath, (int)e.At.Line, (int)e.At.Column, ThemeCodes.Syntax, e.Message)]);
        }
        catch (Records.Loading.RecordFormatException e)
        {
            throw new ThemeException([Diagnostic.ErrorAt(displayPath, (int)e.At.Line, (int)e.At.Column, ThemeCodes.Syntax, e.Message)]);
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim();
            throw new ThemeException([Diagnostic.ErrorAt(displayPath, (int)e.Start.Line, (int)e.Start.Column, ThemeCodes.Syntax, message)]);
        }

        var problems = new List<Diagnostic>();
        foreach (var (name, value, node) in Colours(theme))
        {
            if (!ColourPattern().IsMatch(value) && !(name == "table.band_background" && value.Length == 0))
                problems.Add(Locate(yaml, displayPath, node, $"{name} '{value}' is not a colour of the form #RRGGBB"));
        }
        if (theme.Page.Width <= theme.Page.MarginLeft + theme.Page.MarginRight || theme.Page.Height <= theme.Page.MarginTop + theme.Page.MarginBottom)
            problems.Add(Locate(yaml, displayPath, "page", "the margins leave no room on the page"));
        foreach (var audience in new[] { "internal", "public" })
        {
            if (!theme.Markings.ContainsKey(audience))
                problems.Add(Locate(yaml, displayPath, "markings", $"markings has no entry for '{audience}'"));
        }
        try
        {
            _ = new DateOnly(2023, 12, 4).ToString(theme.DateFormat, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            problems.Add(Locate(yaml, displayPath, "date_format", $"date_format '{theme.DateFormat}' is not a valid .NET date format"));
        }
        if (problems.Count > 0)
            throw new ThemeException(problems);
        return theme;
    }

    private static IEnumerable<(string Name, string Value, string Key)> Colours(Theme theme)
    {
        var c = theme.Colours;
        yield return ("colours.text", c.Text, "text");
        yield return ("colours.heading", c.Heading, "heading");
        yield return ("colours.accent", c.Accent, "accent");
        yield return ("colours.link", c.Link, "link");
        yield return ("colours.muted", c.Muted, "muted");
        yield return ("colours.rule", c.Rule, "rule");
        yield return ("colours.marking", c.Marking, "marking");
        yield return ("colours.callout_background", c.CalloutBackground, "callout_background");
        yield return ("colours.callout_border", c.CalloutBorder, "callout_border");
        yield return ("colours.quote_border", c.QuoteBorder, "quote_border");
        yield return ("table.header_background", theme.Table.HeaderBackground, "header_background");
        yield return ("table.header_text", theme.Table.HeaderText, "header_text");
        yield return ("table.band_background", theme.Table.BandBackground, "band_background");
        yield return ("table.border", theme.Table.Border, "border");
        yield return ("cover.band_colour", theme.Cover.BandColour, "band_colour");
    }

    /// <summary>A bad-value error where a key is written; at the top of the file if it is not.</summary>
    private static Diagnostic Locate(string yaml, string displayPath, string key, string message)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0)
            {
                var found = stream.Documents[0].AllNodes.OfType<YamlMappingNode>()
                    .SelectMany(m => m.Children)
                    .FirstOrDefault(p => p.Key is YamlScalarNode { Value: var v } && v == key);
                if (found.Key is not null)
                    return Diagnostic.ErrorAt(displayPath, (int)found.Value.Start.Line, (int)found.Value.Start.Column, ThemeCodes.BadValue, message);
            }
        }
        catch (YamlException)
        {
            // Already parsed once; fall through to the file-level location.
        }
        return Diagnostic.ErrorAt(displayPath, 1, 1, ThemeCodes.BadValue, message);
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColourPattern();
}

/// <summary>The theme file has problems; each reads <c>templates/theme.yaml:line:col: error THMnnn: message</c>.</summary>
public sealed class ThemeException(IReadOnlyList<Diagnostic> diagnostics) : Exception(string.Join(Environment.NewLine, diagnostics))
{
    /// <summary>Every problem found in the theme file.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>The diagnostics as printed.</summary>
    public IReadOnlyList<string> Problems => DiagnosticText.Lines(Diagnostics);
}

/// <summary>Codes of theme file problems (listed in docs/diagnostics.md).</summary>
public static class ThemeCodes
{
    /// <summary>YAML syntax error, an unknown key, a value of the wrong kind, or a construct the format does not allow (tags, anchors, aliases).</summary>
    public const string Syntax = "THM001";
    /// <summary>A value that is not usable: a colour not #RRGGBB, margins leaving no room, a missing marking, a bad date format.</summary>
    public const string BadValue = "THM002";
}
