using Briefings.Documents;
using Briefings.Docx.Numbering;
using Briefings.Docx.Styles;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx.Body;

/// <summary>Turns blocks of the tree into Word paragraphs, tables and the contents field, each with its style.</summary>
internal sealed class BlockWriter(WriteContext context, InlineWriter inlines)
{
    private IReadOnlyDictionary<Type, IBlockRenderer>? _registered;

    private IReadOnlyDictionary<Type, IBlockRenderer> Renderers => _registered ??= BlockRenderers.Create(this, context, inlines);

    public List<OpenXmlElement> Write(IEnumerable<Block> blocks, BlockScope scope)
    {
        var output = new List<OpenXmlElement>();
        foreach (var block in blocks)
            WriteBlock(block, scope, output);
        return FoldSpacers(FoldPageBreaks(output));
    }

    /// <summary>
    /// A spacer followed by a heading: the heading carries the gap in its own space before, and the empty paragraph
    /// is left out. Between a table and a heading, an empty paragraph breaks LibreOffice's keep-with-next chain on a
    /// page with notes: the heading was left alone at the page's foot while what it keeps with went on to the next.
    /// The gap the reader sees is the same.
    /// </summary>
    private List<OpenXmlElement> FoldSpacers(List<OpenXmlElement> elements)
    {
        var folded = new List<OpenXmlElement>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            // (Not before a page break: the spacer ends the page, and the heading opens the next with its own space.)
            if (IsSpacer(elements[i]) && i + 1 < elements.Count && elements[i + 1] is W.Paragraph next && IsHeading(next)
                && next.ParagraphProperties?.PageBreakBefore is null)
            {
                var properties = next.ParagraphProperties ?? next.PrependChild(new W.ParagraphProperties());
                properties.SpacingBetweenLines = new W.SpacingBetweenLines
                {
                    Before = Units.Number(Units.Twips(context.Theme.Headings.SpaceBefore + SpacerHeight)),
                };
                continue;
            }
            folded.Add(elements[i]);
        }
        return folded;
    }

    private static bool IsHeading(W.Paragraph paragraph) =>
        paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value is { } style
        && Enumerable.Range(1, 3).Any(level => style == StyleIds.Heading(level));

    /// <summary>
    /// A page break followed by a paragraph becomes that paragraph's "page break before", as Word users set it:
    /// no empty paragraph is left at the top of the new page, and the break stays with the text when it is moved.
    /// Before a table or the contents, the break keeps its own paragraph.
    /// </summary>
    private static List<OpenXmlElement> FoldPageBreaks(List<OpenXmlElement> elements)
    {
        var folded = new List<OpenXmlElement>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            if (IsPageBreak(elements[i]) && i + 1 < elements.Count && elements[i + 1] is W.Paragraph next && !IsPageBreak(next))
            {
                var properties = next.ParagraphProperties ?? next.PrependChild(new W.ParagraphProperties());
                properties.PageBreakBefore = new W.PageBreakBefore();
                continue;
            }
            folded.Add(elements[i]);
        }
        return folded;
    }

    /// <summary>A paragraph holding only a page break: what <see cref="IsPageBreak"/> recognises.</summary>
    internal static W.Paragraph PageBreakParagraph() => new(new W.Run(new W.Break { Type = W.BreakValues.Page }));

    internal static bool IsPageBreak(OpenXmlElement element) =>
        element is W.Paragraph { ChildElements.Count: 1 } paragraph
        && paragraph.GetFirstChild<W.Run>() is { ChildElements.Count: 1 } run
        && run.GetFirstChild<W.Break>()?.Type?.Value == W.BreakValues.Page;

    /// <summary>Hands the block to the renderer registered for its type (<see cref="BlockRenderers"/>).</summary>
    private void WriteBlock(Block block, BlockScope scope, List<OpenXmlElement> output)
    {
        if (Renderers.TryGetValue(block.GetType(), out var renderer))
            renderer.Write(block, scope, output);
        else
            context.Problems.Add($"block {block.GetType().Name} is not supported by the Word writer");
    }

    private void WriteNested(IEnumerable<Block> blocks, BlockScope scope, List<OpenXmlElement> output)
    {
        foreach (var block in blocks)
            WriteBlock(block, scope, output);
    }

    internal W.Paragraph HeadingParagraph(Heading heading, BlockScope scope)
    {
        var paragraph = new W.Paragraph(Properties(StyleIds.Heading(heading.Level)));
        var bookmark = context.Bookmarks.NameFor(heading.Id);
        var numericId = context.Bookmarks.NextNumericId().ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (bookmark is not null)
            paragraph.Append(new W.BookmarkStart { Name = bookmark, Id = numericId });
        paragraph.Append(inlines.Write(heading.Content, scope.Inlines));
        if (bookmark is not null)
            paragraph.Append(new W.BookmarkEnd { Id = numericId });
        return paragraph;
    }

    /// <summary>
    /// A list: the first paragraph of each item carries the number or bullet, later blocks of the item are
    /// indented to the item's text, and nested lists take the next level.
    /// </summary>
    internal void WriteList(ListBlock list, BlockScope scope, List<OpenXmlElement> output)
    {
        var depth = scope.ListDepth + 1;
        // In a call-out the items take the call-out's style and its one indent, so the box stays whole.
        var numberingId = context.Numbering.Register(list.Ordered, list.Start, depth,
            scope.CalloutLeft is { } left ? (left, Styles.CalloutStyles.TextRight) : null);
        var itemStyle = scope.CalloutLeft is not null ? scope.ParagraphStyle
            : list.Ordered ? StyleIds.ListNumber : StyleIds.ListBullet;
        var itemScope = scope with { ListDepth = depth };
        foreach (var item in list.Items)
        {
            var numbered = Properties(itemStyle, numbering: (numberingId, depth));
            var rest = item.Blocks.AsEnumerable();
            if (item.Blocks.FirstOrDefault() is Documents.Paragraph first)
            {
                output.Add(Paragraph(numbered, inlines.Write(first.Content, scope.Inlines)));
                rest = rest.Skip(1);
            }
            else
            {
                // An item that opens with a nested list or a table still shows its own number.
                output.Add(Paragraph(numbered, []));
            }
            WriteNested(rest, itemScope, output);
        }
    }

    internal void WriteQuote(Quote quote, BlockScope scope, List<OpenXmlElement> output)
    {
        WriteNested(quote.Blocks, scope with { ParagraphStyle = StyleIds.Quote }, output);
        if (quote.Attribution is not { Count: > 0 } attribution)
            return;
        var runs = inlines.Write(attribution, scope.Inlines);
        // Attributions read "— Name, date"; the dash is added unless the text brings its own.
        var text = attribution.ToPlainText().TrimStart();
        if (!text.StartsWith('—') && !text.StartsWith('–') && !text.StartsWith('-'))
            runs.Insert(0, inlines.PlainRun("— "));
        output.Add(Paragraph(Properties(StyleIds.QuoteAttribution), runs));
    }

    private const short CalloutPadding = 200;
    /// <summary>The accent bar on a call-out's left, in twips (3 pt).</summary>
    private const int CalloutBar = 60;

    /// <summary>
    /// A call-out that holds more than paragraphs and lists (a table, a figure, another call-out) is a one-cell
    /// table: shaded, bordered, with an accent bar on the left and the title in bold. Others are styled
    /// paragraphs (<see cref="CalloutWriter"/>).
    /// </summary>
    internal W.Table CalloutBox(Callout callout, BlockScope scope)
    {
        var colours = CalloutKinds.Colours(callout.Kind, context.Theme.Colours);
        var width = scope.ContentWidth;
        var border = Units.Colour(colours.Border);
        var table = new W.Table(
            new W.TableProperties(
                new W.TableWidth { Width = Units.Number(width), Type = W.TableWidthUnitValues.Dxa },
                new W.TableIndentation { Width = scope.Indent, Type = W.TableWidthUnitValues.Dxa },
                new W.TableBorders(
                    new W.TopBorder { Val = W.BorderValues.Single, Size = 4, Space = 0, Color = border },
                    new W.LeftBorder { Val = W.BorderValues.Single, Size = CalloutBar * 8 / 20, Space = 0, Color = border },
                    new W.BottomBorder { Val = W.BorderValues.Single, Size = 4, Space = 0, Color = border },
                    new W.RightBorder { Val = W.BorderValues.Single, Size = 4, Space = 0, Color = border }),
                new W.TableLayout { Type = W.TableLayoutValues.Fixed },
                CellMargins(top: 120, left: CalloutPadding, bottom: 60, right: CalloutPadding),
                new W.TableLook { Val = "0600" }),
            new W.TableGrid(new W.GridColumn { Width = Units.Number(width) }));

        var cell = new W.TableCell(new W.TableCellProperties(
            new W.TableCellWidth { Width = Units.Number(width), Type = W.TableWidthUnitValues.Dxa },
            new W.Shading { Val = W.ShadingPatternValues.Clear, Color = "auto", Fill = Units.Colour(colours.Background) }));
        if (!string.IsNullOrWhiteSpace(callout.Title))
            cell.Append(Paragraph(Properties(StyleIds.CalloutTitle), [inlines.PlainRun(callout.Title)]));
        var inner = scope with { ListDepth = -1, ParagraphStyle = StyleIds.Normal, Width = width - CalloutPadding * 2 - CalloutBar };
        cell.Append(Write(callout.Blocks, inner));
        EndCellWithParagraph(cell);
        // As in the PDF, the box starts on the next page rather than split when it fits on one; Word and
        // LibreOffice still break a row taller than a page.
        table.Append(new W.TableRow(new W.TableRowProperties(new W.CantSplit()), cell));
        return table;
    }

    /// <summary>
    /// A key–value list as two columns, as in the PDF: a borderless table, the term (bold) on the left in
    /// at most 30% of the width (and no more than 150 pt), the definition beside it; rows never split.
    /// </summary>
    internal W.Table KeyValueTable(DefinitionList definitions, BlockScope scope)
    {
        int width = scope.ContentWidth;
        int termWidth = Math.Min(3000, width * 3 / 10);
        int valueWidth = width - termWidth;
        var table = new W.Table(
            new W.TableProperties(
                new W.TableWidth { Width = Units.Number(width), Type = W.TableWidthUnitValues.Dxa },
                new W.TableIndentation { Width = scope.Indent, Type = W.TableWidthUnitValues.Dxa },
                new W.TableLayout { Type = W.TableLayoutValues.Fixed },
                CellMargins(top: 0, left: 0, bottom: 60, right: 120),
                new W.TableLook { Val = "0000" }),
            new W.TableGrid(new W.GridColumn { Width = Units.Number(termWidth) }, new W.GridColumn { Width = Units.Number(valueWidth) }));
        foreach (var item in definitions.Items)
        {
            var term = new W.TableCell(new W.TableCellProperties(new W.TableCellWidth { Width = Units.Number(termWidth), Type = W.TableWidthUnitValues.Dxa }),
                Paragraph(Properties(StyleIds.DefinitionTerm), inlines.Write(item.Term, scope.Inlines)));
            var value = new W.TableCell(new W.TableCellProperties(new W.TableCellWidth { Width = Units.Number(valueWidth), Type = W.TableWidthUnitValues.Dxa }));
            value.Append(Write(item.Definition, scope with { ParagraphStyle = StyleIds.Definition, ListDepth = -1, Width = valueWidth - 120 }));
            EndCellWithParagraph(value);
            table.Append(new W.TableRow(new W.TableRowProperties(new W.CantSplit()), term, value));
        }
        return table;
    }

    /// <summary>
    /// Where a table or key–value list may break, as the PDF breaks it (<see cref="BreakRules"/>): with at most three
    /// body rows it is kept on one page; a longer one does not start at a page foot with fewer than
    /// <paramref name="rowsToStart"/> body rows (a table: two; a key–value list: one). Every paragraph of the rows kept
    /// together, but the last, keeps with the next (Word's and LibreOffice's way to keep rows together).
    /// </summary>
    internal static W.Table KeepRowsTogether(W.Table table, int rowsToStart)
    {
        var rows = table.Elements<W.TableRow>().ToList();
        int header = rows.Count(r => r.TableRowProperties?.GetFirstChild<W.TableHeader>() is not null);
        int body = rows.Count - header;
        var kept = body <= BreakRules.SmallBlockRows ? rows.Count : header + rowsToStart;
        foreach (var row in rows.Take(kept - 1))
            foreach (var paragraph in row.Descendants<W.Paragraph>())
                (paragraph.ParagraphProperties ?? paragraph.PrependChild(new W.ParagraphProperties())).KeepNext = new W.KeepNext();
        return table;
    }

    /// <summary>Default cell padding of a table, in twips (the schema stores top and bottom as text, left and right as numbers).</summary>
    internal static W.TableCellMarginDefault CellMargins(int top, short left, int bottom, short right) => new(
        new W.TopMargin { Width = Units.Number(top), Type = W.TableWidthUnitValues.Dxa },
        new W.TableCellLeftMargin { Width = left, Type = W.TableWidthValues.Dxa },
        new W.BottomMargin { Width = Units.Number(bottom), Type = W.TableWidthUnitValues.Dxa },
        new W.TableCellRightMargin { Width = right, Type = W.TableWidthValues.Dxa });

    /// <summary>Word requires a cell to end with a paragraph (and to hold at least one).</summary>
    internal static void EndCellWithParagraph(W.TableCell cell)
    {
        if (cell.LastChild is not W.Paragraph)
            cell.Append(new W.Paragraph(Properties(StyleIds.TableText)));
    }

    internal W.Paragraph RuleParagraph() => new(new W.ParagraphProperties(
        new W.ParagraphBorders(new W.BottomBorder
        {
            Val = W.BorderValues.Single, Size = 6, Space = 1, Color = Units.Colour(context.Theme.Colours.Rule),
        }),
        new W.SpacingBetweenLines { Before = "0", After = "240", Line = "120", LineRule = W.LineSpacingRuleValues.Exact }));

    /// <summary>The height of a <see cref="Spacer"/>, in points.</summary>
    internal const double SpacerHeight = 6;

    /// <summary>
    /// A small empty paragraph after each table: it keeps a gap before the next block and stops Word from
    /// merging two tables that would otherwise touch. Before a heading the heading carries the gap instead
    /// (<see cref="FoldSpacers"/>).
    /// </summary>
    internal static W.Paragraph Spacer() => new(new W.ParagraphProperties(
        new W.SpacingBetweenLines { Before = "0", After = "0", Line = Units.Number(Units.Twips(SpacerHeight)), LineRule = W.LineSpacingRuleValues.Exact }));

    /// <summary>A paragraph made by <see cref="Spacer"/>.</summary>
    private static bool IsSpacer(OpenXmlElement element) =>
        element is W.Paragraph { ChildElements.Count: 1 } paragraph
        && paragraph.ParagraphProperties is { ChildElements.Count: 1 } properties
        && properties.SpacingBetweenLines is { LineRule.Value: var rule, Line.Value: var line }
        && rule == W.LineSpacingRuleValues.Exact && line == Units.Number(Units.Twips(SpacerHeight));

    /// <summary>Plain paragraphs take the scope's style; inside a list they are indented to the item text.</summary>
    internal static W.ParagraphProperties ContinuationProperties(BlockScope scope) =>
        scope.InList && scope.ParagraphStyle == StyleIds.Normal
            ? Properties(StyleIds.ListParagraph, indentLeft: ListNumbering.TextIndent(scope.ListDepth))
            : Properties(scope.ParagraphStyle);

    internal static W.Paragraph Paragraph(W.ParagraphProperties properties, IEnumerable<OpenXmlElement> content)
    {
        var paragraph = new W.Paragraph();
        if (properties.HasChildren)
            paragraph.Append(properties);
        paragraph.Append(content);
        return paragraph;
    }

    /// <summary>Paragraph properties in schema order (style, keep, numbering, spacing, indent, alignment).</summary>
    internal static W.ParagraphProperties Properties(string style, (int Id, int Level)? numbering = null,
        int? indentLeft = null, W.JustificationValues? justification = null)
    {
        var properties = new W.ParagraphProperties();
        if (style != StyleIds.Normal)
            properties.Append(new W.ParagraphStyleId { Val = style });
        if (numbering is var (id, level))
            properties.Append(new W.NumberingProperties(
                new W.NumberingLevelReference { Val = level },
                new W.NumberingId { Val = id }));
        if (indentLeft is not null)
            properties.Append(new W.Indentation { Left = Units.Number(indentLeft.Value) });
        if (justification is not null)
            properties.Append(new W.Justification { Val = justification.Value });
        return properties;
    }
}
