using System.Globalization;
using Briefings.Documents;
using Markdig.Extensions.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Briefings.Markdown;

/// <summary>
/// Reads the YAML front matter of a rendered template into <see cref="DocumentMetadata"/>.
/// Keys: title (required), subtitle, date (ISO), marking, language, audience, author, subject,
/// keywords (list), cover (list of one-key maps, kept in order: <c>- Meeting: 4 December 2023</c>).
/// An unknown key is an error, so a misspelt key cannot silently vanish.
/// </summary>
internal static class FrontMatterReader
{
    private static readonly string[] KnownKeys =
        ["title", "subtitle", "date", "marking", "language", "audience", "author", "subject", "keywords", "cover"];

    public static DocumentMetadata? Read(YamlFrontMatterBlock block, Action<int, int, string> problem)
    {
        // Lines hold the YAML between the fences; the opening fence is the block's first line.
        var yamlText = block.Lines.ToString();
        var firstLine = block.Line + 2;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yamlText));
        }
        catch (YamlException e)
        {
            problem(firstLine + (int)e.Start.Line - 1, (int)e.Start.Column, "front matter: " + e.Message);
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problem(block.Line + 1, 1, "front matter must be a YAML mapping with at least a title");
            return null;
        }

        int LineOf(YamlNode node) => firstLine + (int)node.Start.Line - 1;
        int ColumnOf(YamlNode node) => (int)node.Start.Column;

        string? Scalar(string key)
        {
            if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
                return null;
            if (node is YamlScalarNode scalar)
                return scalar.Value;
            problem(LineOf(node), ColumnOf(node), $"front matter '{key}' must be a single value");
            return null;
        }

        foreach (var key in root.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!KnownKeys.Contains(name))
                problem(LineOf(key), ColumnOf(key), $"unknown front matter key '{name}' (known: {string.Join(", ", KnownKeys)})");
        }

        var title = Scalar("title");
        if (string.IsNullOrWhiteSpace(title))
        {
            problem(block.Line + 1, 1, "front matter has no title");
            return null;
        }

        DateOnly? date = null;
        if (Scalar("date") is { } dateText)
        {
            if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                date = parsed;
            else
                problem(LineOf(root.Children[new YamlScalarNode("date")]), ColumnOf(root.Children[new YamlScalarNode("date")]),
                    $"front matter date '{dateText}' is not an ISO date (yyyy-MM-dd)");
        }

        return new DocumentMetadata
        {
            Title = title,
            Subtitle = Scalar("subtitle"),
            Date = date,
            Marking = Scalar("marking"),
            Language = Scalar("language") ?? "en",
            Audience = Scalar("audience"),
            Author = Scalar("author"),
            Subject = Scalar("subject"),
            Keywords = ReadKeywords(root, problem, LineOf, ColumnOf),
            CoverFields = ReadCover(root, problem, LineOf, ColumnOf),
        };
    }

    private static List<string> ReadKeywords(YamlMappingNode root, Action<int, int, string> problem,
        Func<YamlNode, int> lineOf, Func<YamlNode, int> columnOf)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("keywords"), out var node))
            return [];
        switch (node)
        {
            case YamlSequenceNode sequence:
                var keywords = new List<string>();
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { } value })
                        keywords.Add(value);
                    else
                        problem(lineOf(item), columnOf(item), "each keyword must be a single value");
                }
                return keywords;
            case YamlScalarNode { Value: { } text }:
                return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            default:
                problem(lineOf(node), columnOf(node), "keywords must be a list");
                return [];
        }
    }

    private static List<KeyValuePair<string, string>> ReadCover(YamlMappingNode root, Action<int, int, string> problem,
        Func<YamlNode, int> lineOf, Func<YamlNode, int> columnOf)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("cover"), out var node))
            return [];
        var fields = new List<KeyValuePair<string, string>>();
        if (node is not YamlSequenceNode sequence)
        {
            problem(lineOf(node), columnOf(node), "cover must be a list of 'Label: value' entries");
            return fields;
        }
        foreach (var item in sequence)
        {
            if (item is YamlMappingNode { Children.Count: 1 } entry
                && entry.Children.First() is { Key: YamlScalarNode { Value: { } label }, Value: YamlScalarNode { Value: { } value } })
                fields.Add(new(label, value));
            else
                problem(lineOf(item), columnOf(item), "each cover entry must be one 'Label: value' pair");
        }
        return fields;
    }
}
