using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Briefings.Documents;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.DefinitionLists;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdBlock = Markdig.Syntax.Block;
using MdInline = Markdig.Syntax.Inlines.Inline;
using MdTable = Markdig.Extensions.Tables.Table;
using MdDefinitionList = Markdig.Extensions.DefinitionLists.DefinitionList;
using MdDefinitionItem = Markdig.Extensions.DefinitionLists.DefinitionItem;
using MdListBlock = Markdig.Syntax.ListBlock;
using MdFootnote = Markdig.Extensions.Footnotes.Footnote;

namespace Briefings.Markdown;

/// <summary>
/// Reads the Markdown a template produced into the document tree (<see cref="Document"/>).
/// </summary>
/// <remarks>
/// Supported beyond CommonMark: YAML front matter (document metadata), pipe tables (with an optional
/// <c>{widths="2,1,3"}</c> line directly above the table), footnotes, definition lists,
/// <c>{#id}</c> heading attributes, and <c>::: callout KIND Title</c> containers.
/// Two markers stand alone on a line: <c>[[pagebreak]]</c> and <c>[[contents]]</c>
/// (optionally <c>[[contents 2 Title words]]</c>: depth 1-3 and title).
/// Anything else the tree cannot hold (raw HTML, images, code blocks, other containers) is an error
/// naming the source and line; nothing is silently dropped.
/// </remarks>
internal static partial class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseFootnotes()
        .UseCustomContainers()
        .UseDefinitionLists()
        .UseGenericAttributes() // must come last: it attaches {...} to what the others parsed
        .Build();

    /// <summary>Builds the Markdown pipeline now, if not yet: once per process, ahead of the first read.</summary>
    public static void Prepare() => _ = Pipeline;

    /// <summary>Parses <paramref name="markdown"/>; <paramref name="sourceName"/> prefixes every error.</summary>
    /// <exception cref="MarkdownReadException">with every problem found, in source order.</exception>
    public static Document Read(string markdown, string sourceName) => Read(markdown, sourceName, null);

    /// <summary>As <see cref="Read(string, string)"/>; figures (<c>::: figure</c>) take the fonts and colours of <paramref name="theme"/>.</summary>
    public static Document Read(string markdown, string sourceName, Theme? theme)
    {
        var parsed = Markdig.Markdown.Parse(markdown, Pipeline);
        var session = new ReadSession(markdown, sourceName, Figures.FigureTheme.From(theme ?? new Theme()));
        return session.Read(parsed);
    }

    [GeneratedRegex(@"^\[\[(?<name>[a-z-]+)(?:\s+(?<args>[^\]]*))?\]\]$")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"^(?<depth>[1-3])(?:\s+(?<title>.+))?$|^(?<title>.+)$")]
    private static partial Regex ContentsArguments();

    private sealed class ReadSession(string source, string sourceName, Figures.FigureTheme figureTheme)
    {
        private readonly List<(int Line, int Column, string Code, string Message)> problems = [];
        private readonly HashSet<string> headingIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> footnoteNumbers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, MdFootnote> footnoteDefinitions = new(StringComparer.Ordinal);
        private DocumentMetadata? metadata;
        private bool sawFrontMatter;

        public Document Read(MarkdownDocument parsed)
        {
            // Footnote definitions are gathered first so references can be checked as they are met.
            foreach (var group in parsed.OfType<FootnoteGroup>())
            {
                foreach (var footnote in group.OfType<MdFootnote>())
                    footnoteDefinitions.TryAdd((footnote.Label ?? "").TrimStart('^'), footnote);
            }

            var blocks = ReadBlocks(parsed);
            var footnotes = ReadFootnotes();

            // Markdig drops notes nobody cites; say so instead of losing them.
            foreach (var definition in parsed.Descendants<FootnoteLinkReferenceDefinition>())
            {
                var label = (definition.Label ?? "").TrimStart('^');
                if (!footnoteNumbers.ContainsKey(label))
                    Problem(definition, MarkdownCodes.UnusedFootnote, $"footnote [^{label}] is defined but never referenced");
            }

            if (!sawFrontMatter)
                Problem(1, 1, MarkdownCodes.FrontMatter, "the document has no YAML front matter with a title (start it with '---', 'title: ...', '---')");

            if (problems.Count > 0)
            {
                // The Markdown is generated, so quote the line: the user cannot open it to look.
                var lines = source.Split('\n');
                throw new MarkdownReadException(problems
                    .OrderBy(p => p.Line).ThenBy(p => p.Column)
                    .Select(p => Diagnostic.ErrorAt(sourceName, p.Line, p.Column, p.Code, p.Message + Excerpt(lines, p.Line)))
                    .ToList());
            }
            return Typography.Apply(new Document(metadata!, blocks, footnotes));
        }

        private void Problem(int line, int column, string code, string message) => problems.Add((line, column, code, message));

        private static string Excerpt(string[] lines, int line)
        {
            if (line < 1 || line > lines.Length)
                return "";
            var text = lines[line - 1].Trim();
            if (text.Length == 0)
                return "";
            return $" (line: \"{(text.Length > 60 ? text[..60] + "…" : text)}\")";
        }

        private void Problem(MarkdownObject at, string code, string message) => Problem(at.Line + 1, at.Column + 1, code, message);

        private List<Documents.Block> ReadBlocks(IEnumerable<MdBlock> container)
        {
            var blocks = new List<Documents.Block>();
            foreach (var block in container)
            {
                var read = ReadBlock(block);
                if (read is not null)
                    blocks.Add(read);
            }
            return blocks;
        }

        private Documents.Block? ReadBlock(MdBlock block)
        {
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    sawFrontMatter = true;
                    metadata = FrontMatterReader.Read(yaml, (line, column, message) => Problem(line, column, MarkdownCodes.FrontMatter, message));
                    return null;
                case HeadingBlock heading:
                    return ReadHeading(heading);
                case ParagraphBlock paragraph:
                    return ReadMarker(paragraph) ?? new Paragraph(ReadInlines(paragraph.Inline));
                case MdListBlock list:
                    return ReadList(list);
                case MdTable table:
                    return ReadTable(table);
                case CustomContainer { Info: "figure" } figure:
                    return ReadFigure(figure);
                case CustomContainer container:
                    return ReadCallout(container);
                case QuoteBlock quote:
                    return ReadQuote(quote);
                case MdDefinitionList definitions:
                    return ReadDefinitions(definitions);
                case ThematicBreakBlock:
                    return new Rule();
                case FootnoteGroup or LinkReferenceDefinitionGroup or BlankLineBlock:
                    return null; // footnotes are read separately; link definitions are resolved by Markdig
                case HtmlBlock:
                    Problem(block, MarkdownCodes.Unsupported, "raw HTML is not supported; write Markdown (record text must go through the default escape)");
                    return null;
                case FencedCodeBlock or CodeBlock:
                    Problem(block, MarkdownCodes.Unsupported, "code blocks are not supported (a line indented by four spaces starts one)");
                    return null;
                default:
                    Problem(block, MarkdownCodes.Unsupported, $"unsupported Markdown block '{block.GetType().Name}'");
                    return null;
            }
        }

        private Heading ReadHeading(HeadingBlock heading)
        {
            var content = ReadInlines(heading.Inline);
            var explicitId = heading.TryGetAttributes()?.Id;
            string id;
            if (!string.IsNullOrEmpty(explicitId))
            {
                id = explicitId;
                if (!headingIds.Add(id))
                    Problem(heading, MarkdownCodes.DuplicateId, $"heading id '{id}' is used twice");
            }
            else
            {
                var slug = Slug.From(content.ToPlainText());
                id = slug;
                for (var n = 2; !headingIds.Add(id); n++)
                    id = $"{slug}-{n}";
            }
            // The tree has three levels; deeper headings fold into the third.
            return new Heading(Math.Min(heading.Level, 3), id, content);
        }

        /// <summary>Page-break and contents markers, recognised only when the source line is exactly the marker.</summary>
        private Documents.Block? ReadMarker(ParagraphBlock paragraph)
        {
            var text = SourceOf(paragraph).Trim();
            var match = MarkerPattern().Match(text);
            if (!match.Success)
                return null;
            var arguments = match.Groups["args"].Value.Trim();
            switch (match.Groups["name"].Value)
            {
                case "pagebreak" when arguments.Length == 0:
                    return new PageBreak();
                case "pagebreak":
                    Problem(paragraph, MarkdownCodes.BadMarker, "[[pagebreak]] takes no arguments");
                    return null;
                case "contents":
                    if (arguments.Length == 0)
                        return new TableOfContents("Contents", 2);
                    var parts = ContentsArguments().Match(arguments);
                    var depth = parts.Groups["depth"].Success ? int.Parse(parts.Groups["depth"].Value, CultureInfo.InvariantCulture) : 2;
                    var title = parts.Groups["title"].Success ? parts.Groups["title"].Value.Trim() : "Contents";
                    return new TableOfContents(title, depth);
                default:
                    Problem(paragraph, MarkdownCodes.BadMarker, $"unknown marker '[[{match.Groups["name"].Value}]]' (known: [[pagebreak]], [[contents]])");
                    return null;
            }
        }

        private string SourceOf(MarkdownObject node)
        {
            var span = node.Span;
            if (span.IsEmpty || span.Start < 0 || span.End >= source.Length)
                return "";
            return source.Substring(span.Start, span.Length);
        }

        private Documents.ListBlock ReadList(MdListBlock list)
        {
            var start = 1;
            if (list.IsOrdered && !int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out start))
                start = 1;
            var items = list.OfType<ListItemBlock>().Select(item => new Documents.ListItem(ReadBlocks(item))).ToList();
            return new Documents.ListBlock(list.IsOrdered, start, items);
        }

        private Documents.Table ReadTable(MdTable table)
        {
            var header = new List<Documents.TableRow>();
            var body = new List<Documents.TableRow>();
            var columnCount = table.ColumnDefinitions.Count;
            foreach (var row in table.OfType<Markdig.Extensions.Tables.TableRow>())
            {
                var cells = new List<Documents.TableCell>();
                foreach (var cell in row.OfType<Markdig.Extensions.Tables.TableCell>())
                {
                    if (cell.ColumnSpan > 1 || cell.RowSpan > 1)
                        Problem(cell, MarkdownCodes.Unsupported, "merged table cells are not supported");
                    var inlines = new List<Documents.Inline>();
                    foreach (var cellBlock in cell)
                    {
                        if (cellBlock is ParagraphBlock cellParagraph)
                            AppendWithSpace(inlines, ReadInlines(cellParagraph.Inline));
                        else
                            Problem(cellBlock, MarkdownCodes.Unsupported, "a table cell may hold only text");
                    }
                    cells.Add(new Documents.TableCell(inlines));
                }
                while (cells.Count < columnCount)
                    cells.Add(new Documents.TableCell([]));
                (row.IsHeader ? header : body).Add(new Documents.TableRow(cells));
            }

            var alignments = table.ColumnDefinitions.Select(c => c.Alignment switch
            {
                TableColumnAlign.Center => ColumnAlignment.Center,
                TableColumnAlign.Right => ColumnAlignment.Right,
                _ => ColumnAlignment.Left,
            }).ToList();
            var widths = ReadWidths(table, columnCount) ?? WidthsFromContent(header.Concat(body), columnCount);
            var columns = alignments.Select((alignment, i) => new TableColumn(alignment, widths[i])).ToList();
            return new Documents.Table(columns, header, body);
        }

        private double[]? ReadWidths(MdTable table, int columnCount)
        {
            var declared = table.TryGetAttributes()?.Properties?.FirstOrDefault(p => p.Key == "widths").Value;
            if (declared is null)
                return null;
            var parts = declared.Split(',', StringSplitOptions.TrimEntries);
            var widths = new double[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out widths[i]) || widths[i] <= 0)
                {
                    Problem(table, MarkdownCodes.TableWidths, $"widths=\"{declared}\": '{parts[i]}' is not a positive number");
                    return null;
                }
            }
            if (widths.Length != columnCount)
            {
                Problem(table, MarkdownCodes.TableWidths, $"widths=\"{declared}\" gives {widths.Length} widths for {columnCount} columns");
                return null;
            }
            return widths;
        }

        /// <summary>Without declared widths, each column gets room in proportion to its longest cell, within bounds.</summary>
        private static double[] WidthsFromContent(IEnumerable<Documents.TableRow> rows, int columnCount)
        {
            var widths = new double[columnCount];
            foreach (var row in rows)
            {
                for (var i = 0; i < columnCount && i < row.Cells.Count; i++)
                    widths[i] = Math.Max(widths[i], row.Cells[i].Content.ToPlainText().Length);
            }
            for (var i = 0; i < columnCount; i++)
                widths[i] = Math.Clamp(widths[i], 4, 40);
            return widths;
        }

        private Callout? ReadCallout(CustomContainer container)
        {
            if (container.Info != "callout")
            {
                Problem(container, MarkdownCodes.BadMarker, $"unknown container '::: {container.Info}' (known: '::: callout KIND Title', '::: figure KIND')");
                return null;
            }
            var arguments = (container.Arguments ?? "").Trim();
            if (arguments.Length == 0)
            {
                Problem(container, MarkdownCodes.BadMarker, "a callout needs a kind: '::: callout KIND Title'");
                return null;
            }
            var space = arguments.IndexOf(' ');
            var kind = space < 0 ? arguments : arguments[..space];
            var title = space < 0 ? null : Unescape(arguments[(space + 1)..].Trim());
            return new Callout(kind, string.IsNullOrEmpty(title) ? null : title, ReadBlocks(container));
        }

        /// <summary>
        /// A figure: <c>::: figure KIND</c>, then <c>key: value</c> lines (alt, caption, width, aspect ...), then its data
        /// as a pipe table; the chart or map is drawn here, so the tree holds only drawing instructions.
        /// </summary>
        private Figure? ReadFigure(CustomContainer container)
        {
            var kind = (container.Arguments ?? "").Trim();
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            List<string> header = [];
            var rows = new List<IReadOnlyList<string>>();
            foreach (var child in container)
            {
                switch (child)
                {
                    case ParagraphBlock { Inline: { } inline } paragraph:
                        foreach (var line in SplitLines(inline))
                        {
                            var text = ReadInlineList(line).ToPlainText().Trim();
                            var colon = text.IndexOf(':');
                            if (colon <= 0)
                            {
                                Problem(paragraph, MarkdownCodes.Figure, $"'{text}' is not a figure setting ('key: value')");
                                continue;
                            }
                            var key = text[..colon].Trim().ToLowerInvariant();
                            if (!settings.TryAdd(key, text[(colon + 1)..].Trim()))
                                Problem(paragraph, MarkdownCodes.Figure, $"figure setting '{key}' is given twice");
                        }
                        break;
                    case MdTable table:
                        var read = ReadTable(table);
                        header = read.HeaderRows.FirstOrDefault()?.Cells.Select(c => c.Content.ToPlainText().Trim()).ToList() ?? [];
                        rows.AddRange(read.BodyRows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Content.ToPlainText().Trim()).ToList()));
                        break;
                    case BlankLineBlock:
                        break;
                    default:
                        Problem(child, MarkdownCodes.Figure, "a figure holds only 'key: value' lines and one data table");
                        break;
                }
            }
            if (kind.Length == 0)
            {
                Problem(container, MarkdownCodes.Figure, $"a figure needs a kind: '::: figure KIND' ({Markdown.FigureReader.Kinds})");
                return null;
            }
            var (figure, figureProblems) = Markdown.FigureReader.Read(kind, settings, header, rows, figureTheme);
            foreach (var problem in figureProblems)
                Problem(container, MarkdownCodes.Figure, problem);
            return figure;
        }

        /// <summary>A paragraph's inlines cut at its line breaks.</summary>
        private static IEnumerable<List<MdInline>> SplitLines(ContainerInline inline)
        {
            var line = new List<MdInline>();
            foreach (var child in inline)
            {
                if (child is LineBreakInline)
                {
                    yield return line;
                    line = [];
                }
                else
                    line.Add(child);
            }
            if (line.Count > 0)
                yield return line;
        }

        /// <summary>A quote whose last line starts with an em dash ("— Name") carries that line as its attribution.</summary>
        private Quote ReadQuote(QuoteBlock quote)
        {
            if (quote.LastChild is not ParagraphBlock { Inline: { } lastInlines } lastParagraph)
                return new Quote(ReadBlocks(quote), null);

            var all = lastInlines.ToList();
            var lastBreak = all.FindLastIndex(i => i is LineBreakInline);
            var tail = all.Skip(lastBreak + 1).ToList();
            if (tail.Count == 0 || tail[0] is not LiteralInline first || !first.Content.ToString().TrimStart().StartsWith('—'))
                return new Quote(ReadBlocks(quote), null);

            var blocks = ReadBlocks(quote.Where(block => block != lastParagraph));
            if (lastBreak > 0)
                blocks.Add(new Paragraph(ReadInlineList(all.Take(lastBreak))));

            var attribution = ReadInlineList(tail);
            if (attribution is [Text firstText, ..])
            {
                var trimmed = firstText.Value.TrimStart().TrimStart('—').TrimStart();
                attribution[0] = new Text(trimmed);
                if (trimmed.Length == 0)
                    attribution.RemoveAt(0);
            }
            return new Quote(blocks, attribution);
        }

        private Documents.DefinitionList ReadDefinitions(MdDefinitionList definitions)
        {
            var items = new List<Documents.DefinitionItem>();
            foreach (var item in definitions.OfType<MdDefinitionItem>())
            {
                var terms = item.OfType<DefinitionTerm>().Select(t => ReadInlines(t.Inline)).ToList();
                var term = new List<Documents.Inline>();
                foreach (var t in terms)
                {
                    if (term.Count > 0)
                        term.Add(new Text("; "));
                    term.AddRange(t);
                }
                items.Add(new Documents.DefinitionItem(term, ReadBlocks(item.Where(b => b is not DefinitionTerm))));
            }
            return new Documents.DefinitionList(items);
        }

        private List<Documents.Footnote> ReadFootnotes()
        {
            var footnotes = new List<Documents.Footnote>();
            // Numbers are handed out in order of first reference; a note's body may cite a further note, which
            // then gets the next number and is read in a later round of this loop.
            for (var i = 0; i < footnoteNumbers.Count; i++)
            {
                var label = footnoteNumbers.First(p => p.Value == i + 1).Key;
                footnotes.Add(new Documents.Footnote(i + 1, label, ReadBlocks(footnoteDefinitions[label])));
            }
            return footnotes;
        }

        private List<Documents.Inline> ReadInlines(ContainerInline? container) =>
            container is null ? [] : ReadInlineList(container);

        private List<Documents.Inline> ReadInlineList(IEnumerable<MdInline> source)
        {
            var inlines = new List<Documents.Inline>();
            foreach (var inline in source)
                ReadInline(inline, inlines);
            return MergeText(inlines);
        }

        private void ReadInline(MdInline inline, List<Documents.Inline> into)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    into.Add(new Text(literal.Content.ToString()));
                    break;
                case HtmlEntityInline entity:
                    into.Add(new Text(entity.Transcoded.ToString()));
                    break;
                case CodeInline code:
                    into.Add(new Code(code.Content));
                    break;
                case LineBreakInline lineBreak when lineBreak.IsHard:
                    into.Add(new LineBreak());
                    break;
                case LineBreakInline:
                    into.Add(new Text(" "));
                    break;
                case EmphasisInline emphasis when emphasis.DelimiterChar is '*' or '_':
                    var content = ReadInlines(emphasis);
                    into.Add(emphasis.DelimiterCount >= 2 ? new Strong(content) : new Emphasis(content));
                    break;
                case LinkInline { IsImage: true } image:
                    Problem(image, MarkdownCodes.Unsupported, "images are not supported in briefing documents");
                    break;
                case LinkInline link:
                    var url = link.Url ?? "";
                    if (!IsAllowedTarget(url))
                        Problem(link, MarkdownCodes.LinkTarget, $"link target '{url}' is not allowed (use http, https, mailto or #heading-id)");
                    into.Add(new Link(url, ReadInlines(link)));
                    break;
                case AutolinkInline autolink:
                    var target = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
                    if (!IsAllowedTarget(target))
                        Problem(autolink, MarkdownCodes.LinkTarget, $"link target '{target}' is not allowed (use http, https or mailto)");
                    into.Add(new Link(target, [new Text(autolink.Url)]));
                    break;
                case FootnoteLink { IsBackLink: true }:
                    break; // Markdig's link back from the note to the text; writers draw their own
                case FootnoteLink footnoteLink:
                    var label = (footnoteLink.Footnote?.Label ?? "").TrimStart('^');
                    if (!footnoteNumbers.TryGetValue(label, out var number))
                    {
                        number = footnoteNumbers.Count + 1;
                        footnoteNumbers[label] = number;
                    }
                    into.Add(new FootnoteReference(number));
                    break;
                case HtmlInline html:
                    Problem(html, MarkdownCodes.Unsupported, $"raw HTML '{html.Tag}' is not supported; record text must go through the default escape");
                    break;
                case ContainerInline other when other.GetType() == typeof(ContainerInline):
                    foreach (var child in other)
                        ReadInline(child, into);
                    break;
                default:
                    Problem(inline, MarkdownCodes.Unsupported, $"unsupported inline Markdown '{inline.GetType().Name}'");
                    break;
            }
        }

        private static bool IsAllowedTarget(string url) =>
            url.StartsWith('#')
            || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

        private static void AppendWithSpace(List<Documents.Inline> into, List<Documents.Inline> more)
        {
            if (into.Count > 0 && more.Count > 0)
                into.Add(new Text(" "));
            into.AddRange(more);
        }

        /// <summary>Joins neighbouring text runs so writers see one run per stretch of plain text.</summary>
        private static List<Documents.Inline> MergeText(List<Documents.Inline> inlines)
        {
            var merged = new List<Documents.Inline>(inlines.Count);
            foreach (var inline in inlines)
            {
                if (inline is Text text && merged.Count > 0 && merged[^1] is Text previous)
                    merged[^1] = new Text(previous.Value + text.Value);
                else
                    merged.Add(inline);
            }
            return merged;
        }

        private static string Unescape(string text)
        {
            var result = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length && IsAsciiPunctuation(text[i + 1]))
                    i++;
                result.Append(text[i]);
            }
            return result.ToString();
        }

        private static bool IsAsciiPunctuation(char c) => c < 128 && char.IsPunctuation(c) || c < 128 && char.IsSymbol(c);
    }
}
