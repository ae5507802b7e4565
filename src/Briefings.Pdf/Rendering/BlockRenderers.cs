using System.Globalization;
using Briefings.Documents;
using Briefings.Pdf.Layout;
using Briefings.Pdf.Serialization;
using Briefings.Pdf.Text;

namespace Briefings.Pdf.Rendering;

/// <summary>
/// Turns one type of block into its layout element and its structure element (under parent), Markdig
/// style: one renderer class per block type, registered in <see cref="BlockRenderers.All"/>. A new block
/// type (a Figure) is a new renderer class and one line there.
/// </summary>
internal abstract class BlockRenderer
{
    public abstract Type BlockType { get; }
    public abstract Element Render(ElementBuilder builder, Block block, BlockStyle style, StructureElement parent);
}

internal abstract class BlockRenderer<T> : BlockRenderer where T : Block
{
    public sealed override Type BlockType => typeof(T);
    public sealed override Element Render(ElementBuilder builder, Block block, BlockStyle style, StructureElement parent) =>
        Render(builder, (T)block, style, parent);
    protected abstract Element Render(ElementBuilder builder, T block, BlockStyle style, StructureElement parent);
}

/// <summary>The renderers of the PDF writer, one per block type of the document tree.</summary>
internal static class BlockRenderers
{
    /// <summary>
    /// Every block type the PDF writer draws. A figure is tagged as a Figure element with its alternative
    /// text, whose content is the drawing (paths drawn through <see cref="ContentBuilder"/> inside it are
    /// content, not artifacts), followed by its Caption element.
    /// </summary>
    public static IReadOnlyList<BlockRenderer> All { get; } =
    [
        new HeadingRenderer(),
        new ParagraphRenderer(),
        new ListRenderer(),
        new TableRenderer(),
        new CalloutRenderer(),
        new QuoteRenderer(),
        new DefinitionListRenderer(),
        new RuleRenderer(),
        new PageBreakRenderer(),
        new ContentsRenderer(),
        new FigureRenderer(),
    ];
}

internal sealed class ParagraphRenderer : BlockRenderer<Paragraph>
{
    protected override Element Render(ElementBuilder builder, Paragraph paragraph, BlockStyle style, StructureElement parent) =>
        new TextBlockElement(builder.Spans(paragraph.Content, style.Text), style.Alignment, builder.Styles.LineHeight)
        {
            SpaceAfter = style.ParagraphSpacing,
            Structure = new StructureElement(StructureRoles.Paragraph, parent),
        };
}

internal sealed class FigureRenderer : BlockRenderer<Figure>
{
    protected override Element Render(ElementBuilder builder, Figure figure, BlockStyle style, StructureElement parent) =>
        FigureElement.WithCaption(figure, builder.Styles, parent);
}

internal sealed class RuleRenderer : BlockRenderer<Rule>
{
    protected override Element Render(ElementBuilder builder, Rule rule, BlockStyle style, StructureElement parent) =>
        new RuleElement(builder.Styles.RuleColour) { SpaceBefore = 4, SpaceAfter = 4 };
}

internal sealed class PageBreakRenderer : BlockRenderer<PageBreak>
{
    protected override Element Render(ElementBuilder builder, PageBreak pageBreak, BlockStyle style, StructureElement parent) => new PageBreakElement();
}

internal sealed class HeadingRenderer : BlockRenderer<Heading>
{
    protected override Element Render(ElementBuilder builder, Heading heading, BlockStyle style, StructureElement parent)
    {
        var styles = builder.Styles;
        var theme = styles.Theme.Headings;
        int level = Math.Clamp(heading.Level, 1, 3);
        return new TextBlockElement(builder.Spans(heading.Content, styles.Heading(level)), TextAlignment.Left, 1.25f)
        {
            Structure = new StructureElement(StructureRoles.Heading(level), parent),
            AnchorId = heading.Id,
            Splittable = false,
            KeepWithNext = true,
            SpaceBefore = (float)theme.SpaceBefore * (level == 1 ? 1.5f : 1f),
            SpaceAfter = (float)theme.SpaceAfter,
            RuleBelow = level == 1 ? styles.RuleColour : null,
        };
    }
}

internal sealed class ListRenderer : BlockRenderer<ListBlock>
{
    protected override Element Render(ElementBuilder builder, ListBlock list, BlockStyle style, StructureElement parent)
    {
        var styles = builder.Styles;
        var listElement = new StructureElement(StructureRoles.List, parent);
        var inner = style with { ParagraphSpacing = 2, ListDepth = style.ListDepth + 1, Alignment = style.Alignment == TextAlignment.Justify ? TextAlignment.Left : style.Alignment };
        float indent = list.Ordered ? (list.Start + list.Items.Count > 10 ? 24 : 20) : 14;
        var items = new List<Element>();
        for (int i = 0; i < list.Items.Count; i++)
        {
            string marker = list.Ordered
                ? (list.Start + i).ToString(CultureInfo.InvariantCulture) + "."
                : ElementBuilder.Bullets[Math.Min(style.ListDepth, ElementBuilder.Bullets.Length - 1)];
            var markerStyle = list.Ordered ? style.Text : style.Text with { Color = styles.Accent, Bold = true };
            // Numbers are right-aligned so "9." and "10." end at the same place; the gap keeps them off the text.
            const float gap = 5;
            var item = new StructureElement(StructureRoles.ListItem, listElement);
            var markerElement = new TextBlockElement([new TextSpan(marker, markerStyle)], list.Ordered ? TextAlignment.Right : TextAlignment.Left, styles.LineHeight)
            {
                Splittable = false,
                Structure = new StructureElement(StructureRoles.Label, item),
            };
            var body = new StructureElement(StructureRoles.ListBody, item);
            var content = new ColumnElement(list.Items[i].Blocks.Select(b => builder.Build(b, inner, body)).ToList());
            var spacer = new ColumnElement([]);
            items.Add(new RowElement([markerElement, spacer, content], w => [indent - gap, gap, w - indent]) { SpaceAfter = 2 });
        }
        return new ColumnElement(items) { SpaceBefore = style.ListDepth == 0 ? 0 : 2, SpaceAfter = style.ParagraphSpacing + 2 };
    }
}

internal sealed class TableRenderer : BlockRenderer<Table>
{
    protected override Element Render(ElementBuilder builder, Table table, BlockStyle style, StructureElement parent)
    {
        var styles = builder.Styles;
        var theme = styles.Theme.Table;
        var widths = table.Columns.Select(c => (float)Math.Max(c.RelativeWidth, 0.01)).ToArray();
        int columns = widths.Length;
        var tableElement = new StructureElement(StructureRoles.Table, parent);
        var head = table.HeaderRows.Count > 0 ? new StructureElement(StructureRoles.TableHead, tableElement) : null;
        var tableBody = new StructureElement(StructureRoles.TableBody, tableElement);
        TextBlockElement[] Row(TableRow row, TextStyle style, StructureElement section, bool header)
        {
            var rowElement = new StructureElement(StructureRoles.TableRow, section);
            return Enumerable.Range(0, columns).Select(c =>
            {
                var content = c < row.Cells.Count ? row.Cells[c].Content : [];
                var alignment = table.Columns[c].Alignment switch
                {
                    ColumnAlignment.Right => TextAlignment.Right,
                    ColumnAlignment.Center => TextAlignment.Center,
                    _ => TextAlignment.Left,
                };
                return new TextBlockElement(builder.Spans(content, style), alignment, 1.3f)
                {
                    Structure = header
                        ? new StructureElement(StructureRoles.TableHeader, rowElement) { Scope = "Column" }
                        : new StructureElement(StructureRoles.TableCell, rowElement),
                };
            }).ToArray();
        }

        var look = new TableLook(
            PdfStyles.Colour(theme.HeaderBackground),
            PdfStyles.OptionalColour(theme.BandBackground),
            PdfStyles.Colour(theme.Border),
            (float)theme.BorderWidth,
            (float)theme.CellPadding);
        var element = new TableElement(widths,
            table.HeaderRows.Select(r => Row(r, styles.TableHeader, head!, true)).ToList(),
            table.BodyRows.Select(r => Row(r, styles.Table, tableBody, false)).ToList(),
            look)
        {
            SpaceBefore = 6,
            SpaceAfter = 10,
        };
        // A table of a few rows is kept on one page.
        return table.BodyRows.Count <= BreakRules.SmallBlockRows ? new KeepTogetherElement(element) : element;
    }
}

internal sealed class CalloutRenderer : BlockRenderer<Callout>
{
    protected override Element Render(ElementBuilder builder, Callout callout, BlockStyle style, StructureElement parent)
    {
        var styles = builder.Styles;
        var division = new StructureElement(StructureRoles.Division, parent);
        var inner = style with { Text = style.Text with { Size = style.Text.Size * 0.95f }, ParagraphSpacing = 4, Alignment = TextAlignment.Left };
        var children = new List<Element>();
        if (!string.IsNullOrWhiteSpace(callout.Title))
            children.Add(new TextBlockElement([new TextSpan(callout.Title, styles.Heading(3) with { Color = styles.Accent, Size = (float)styles.Theme.Headings.H3Size })], TextAlignment.Left, 1.3f)
            {
                Splittable = false,
                KeepWithNext = true,
                SpaceAfter = 4,
                Structure = new StructureElement(StructureRoles.Paragraph, division),
            });
        children.AddRange(callout.Blocks.Select(b => builder.Build(b, inner, division)));
        var look = CalloutKinds.Colours(callout.Kind, styles.Theme.Colours);
        // Kept on one page (and with the call-outs right after it, see ElementBuilder.GroupCallouts).
        return new KeepTogetherElement(new BoxElement(new ColumnElement(children))
        {
            PaddingLeft = 14,
            PaddingRight = 10,
            PaddingTop = 8,
            PaddingBottom = 6,
            Background = PdfStyles.Colour(look.Background),
            BarColour = PdfStyles.Colour(look.Border),
            BarWidth = 3,
            SpaceBefore = 8,
            SpaceAfter = 10,
        });
    }
}

internal sealed class QuoteRenderer : BlockRenderer<Quote>
{
    protected override Element Render(ElementBuilder builder, Quote quote, BlockStyle style, StructureElement parent)
    {
        var styles = builder.Styles;
        var inner = style with { Text = style.Text with { Italic = true }, ParagraphSpacing = 3, Alignment = TextAlignment.Left };
        var blockQuote = new StructureElement(StructureRoles.BlockQuote, parent);
        var children = quote.Blocks.Select(b => builder.Build(b, inner, blockQuote)).ToList();
        if (quote.Attribution is { Count: > 0 } attribution)
        {
            // The attribution never stands alone at the top of a page.
            if (children.Count > 0)
                children[^1].KeepWithNext = true;
            var attributionStyle = style.Text with { Color = styles.Muted, Size = style.Text.Size * 0.92f };
            var spans = new List<TextSpan> { new("— ", attributionStyle) };
            spans.AddRange(builder.Spans(attribution, attributionStyle));
            children.Add(new TextBlockElement(spans, TextAlignment.Right, styles.LineHeight)
            {
                SpaceBefore = 2,
                Structure = new StructureElement(StructureRoles.Paragraph, blockQuote),
            });
        }
        // A quote stays on one page with its attribution.
        return new KeepTogetherElement(new BoxElement(new ColumnElement(children))
        {
            PaddingLeft = 14,
            PaddingRight = 6,
            PaddingTop = 2,
            PaddingBottom = 2,
            BarColour = styles.QuoteBorder,
            BarWidth = 2,
            SpaceBefore = 6,
            SpaceAfter = 10,
        });
    }
}

internal sealed class DefinitionListRenderer : BlockRenderer<DefinitionList>
{
    protected override Element Render(ElementBuilder builder, DefinitionList definitions, BlockStyle style, StructureElement parent)
    {
        var styles = builder.Styles;
        var listElement = new StructureElement(StructureRoles.List, parent);
        var inner = style with { ParagraphSpacing = 2, Alignment = TextAlignment.Left };
        var termStyle = style.Text with { Bold = true, Color = styles.HeadingColour, Family = styles.Fonts.Heading, Size = style.Text.Size * (float)TextScales.DefinitionTerm };
        // The term's line box is as tall as the definition's so their first baselines line up.
        var rows = definitions.Items.Select(item =>
        {
            // A key–value list is a list whose items label their value: LI with Lbl (the term) and LBody.
            var itemElement = new StructureElement(StructureRoles.ListItem, listElement);
            var term = new TextBlockElement(builder.Spans(item.Term, termStyle), TextAlignment.Left, styles.LineHeight * style.Text.Size / termStyle.Size)
            {
                Splittable = false,
                Structure = new StructureElement(StructureRoles.Label, itemElement),
            };
            var body = new StructureElement(StructureRoles.ListBody, itemElement);
            return (Element)new RowElement(
                [term, new ColumnElement(item.Definition.Select(b => builder.Build(b, inner, body)).ToList())],
                w => [Math.Min(150, w * 0.3f), w - Math.Min(150, w * 0.3f)]) { SpaceAfter = 3 };
        }).ToList();
        var element = new ColumnElement(rows) { SpaceBefore = 2, SpaceAfter = style.ParagraphSpacing + 2 };
        // A key–value list of a few rows is kept on one page.
        return definitions.Items.Count <= BreakRules.SmallBlockRows ? new KeepTogetherElement(element) : element;
    }
}

internal sealed class ContentsRenderer : BlockRenderer<TableOfContents>
{
    protected override Element Render(ElementBuilder builder, TableOfContents toc, BlockStyle style, StructureElement parent)
    {
        var styles = builder.Styles;
        // The contents title is a heading before the TOC; each entry a TOCI whose Link holds its text and annotation.
        var titleElement = new StructureElement(StructureRoles.Heading(1), parent);
        var contents = new StructureElement(StructureRoles.Contents, parent);
        var entries = new List<Element>
        {
            new TextBlockElement([new TextSpan(toc.Title, styles.Heading(1))], TextAlignment.Left, 1.25f)
            {
                Splittable = false,
                KeepWithNext = true,
                SpaceAfter = 10,
                RuleBelow = styles.RuleColour,
                Structure = titleElement,
            },
        };
        foreach (var heading in builder.Document.Headings().Where(h => h.Level <= toc.MaxLevel))
        {
            int level = Math.Clamp(heading.Level, 1, 3);
            var entryStyle = level == 1
                ? styles.Body with { Family = styles.Fonts.Heading, Bold = true, Color = styles.HeadingColour }
                : styles.Body with { Size = styles.Body.Size * (float)TextScales.ContentsEntry };
            var title = new TextBlockElement(builder.Spans(heading.Content, entryStyle, linkable: false), TextAlignment.Left, 1.35f);
            var entry = new StructureElement(StructureRoles.ContentsItem, contents);
            entries.Add(new TocEntryElement(heading.Id, title, entryStyle, (level - 1) * 14)
            {
                Structure = new StructureElement(StructureRoles.Link, entry) { Alt = heading.PlainText },
                SpaceBefore = level == 1 ? 5 : 1,
            });
        }
        return new ColumnElement(entries) { SpaceAfter = 12 };
    }
}
