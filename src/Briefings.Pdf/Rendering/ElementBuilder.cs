using System.Globalization;
using Briefings.Documents;
using Briefings.Pdf.Layout;
using Briefings.Pdf.Text;

namespace Briefings.Pdf.Rendering;

/// <summary>Turns the document tree into layout elements, styled from the theme.</summary>
internal sealed class ElementBuilder(Document document, PdfStyles styles)
{
    /// <summary>Text settings inherited by nested blocks (quotes are italic, list items are tighter).</summary>
    private sealed record BlockStyle(TextStyle Text, TextAlignment Alignment, float ParagraphSpacing, int ListDepth);

    private static readonly string[] Bullets = ["•", "–", "•"];

    public ColumnElement BuildBody()
    {
        var root = new BlockStyle(styles.Body, styles.Theme.BodyAlignment, styles.ParagraphSpacing, 0);
        return new ColumnElement(GroupCallouts(document.Blocks, root)) { IsPageBody = true };
    }

    /// <summary>
    /// The body's elements, with call-outs that follow one another ("Key messages" then "Points to make")
    /// kept together as one group when the group fits on a page.
    /// </summary>
    private List<Element> GroupCallouts(IReadOnlyList<Block> blocks, BlockStyle style)
    {
        var elements = new List<Element>();
        for (int i = 0; i < blocks.Count; i++)
        {
            int end = i;
            while (end + 1 < blocks.Count && blocks[i] is Callout && blocks[end + 1] is Callout)
                end++;
            if (end == i)
            {
                elements.Add(Build(blocks[i], style));
                continue;
            }
            var group = Enumerable.Range(i, end - i + 1).Select(j => Build(blocks[j], style)).ToList();
            elements.Add(new KeepTogetherElement(new ColumnElement(group) { SpaceBefore = group[0].SpaceBefore, SpaceAfter = group[^1].SpaceAfter }));
            i = end;
        }
        return elements;
    }

    /// <summary>The footnote bodies, laid out once at the column width: "1  Source text".</summary>
    public void DefineFootnotes(LayoutContext context, float width)
    {
        foreach (var note in document.Footnotes)
        {
            var spans = new List<TextSpan>
            {
                new(note.Number.ToString(CultureInfo.InvariantCulture) + "  ", styles.Footnote with { Bold = true, Color = styles.Accent }),
            };
            bool first = true;
            foreach (var block in note.Blocks)
            {
                if (!first)
                    spans.Add(new TextSpan("", styles.Footnote, LineBreak: true));
                first = false;
                spans.AddRange(Spans(InlinesOf(block), styles.Footnote));
            }
            var full = TextLayout.Create(spans, width, TextAlignment.Left, 1.3f, context.Fonts, context.Problems);
            TextLayout? brief = null;
            if (full.Lines.Count > 1 && NoteShortForm.Of(note) is { } shortForm)
                brief = TextLayout.Create([spans[0], new TextSpan(shortForm, styles.Footnote)], width, TextAlignment.Left, 1.3f, context.Fonts, context.Problems);
            context.Footnotes.Define(note.Number, full, brief);
        }
    }

    private static IReadOnlyList<Inline> InlinesOf(Block block) => block switch
    {
        Paragraph p => p.Content,
        Heading h => h.Content,
        _ => [new Documents.Text(string.Join(" ", new[] { block }.Descendants().OfType<Paragraph>().Select(p => p.Content.ToPlainText())))],
    };

    /// <summary>Tables and key–value lists of at most this many rows are never split between pages.</summary>
    private const int SmallBlockRows = 3;

    private Element Build(Block block, BlockStyle style) => block switch
    {
        Heading heading => BuildHeading(heading),
        Paragraph paragraph => new TextBlockElement(Spans(paragraph.Content, style.Text), style.Alignment, styles.LineHeight)
        {
            SpaceAfter = style.ParagraphSpacing,
        },
        ListBlock list => BuildList(list, style),
        // Kept on one page: call-outs and quotes (with their attribution), tables and key–value lists of a few rows.
        Table table => table.BodyRows.Count <= SmallBlockRows ? new KeepTogetherElement(BuildTable(table)) : BuildTable(table),
        Callout callout => new KeepTogetherElement(BuildCallout(callout, style)),
        Quote quote => new KeepTogetherElement(BuildQuote(quote, style)),
        DefinitionList definitions => definitions.Items.Count <= SmallBlockRows ? new KeepTogetherElement(BuildDefinitions(definitions, style)) : BuildDefinitions(definitions, style),
        Rule => new RuleElement(styles.RuleColour) { SpaceBefore = 4, SpaceAfter = 4 },
        PageBreak => new PageBreakElement(),
        TableOfContents toc => BuildContents(toc),
        Figure figure => FigureElement.WithCaption(figure, styles),
        _ => throw new DocumentWriteException(DocumentCodes.PdfInternal, $"The PDF writer does not know the block type {block.GetType().Name}."),
    };

    private Element BuildHeading(Heading heading)
    {
        var theme = styles.Theme.Headings;
        int level = Math.Clamp(heading.Level, 1, 3);
        return new TextBlockElement(Spans(heading.Content, styles.Heading(level)), TextAlignment.Left, 1.25f)
        {
            AnchorId = heading.Id,
            Splittable = false,
            KeepWithNext = true,
            SpaceBefore = (float)theme.SpaceBefore * (level == 1 ? 1.5f : 1f),
            SpaceAfter = (float)theme.SpaceAfter,
            RuleBelow = level == 1 ? styles.RuleColour : null,
        };
    }

    private Element BuildList(ListBlock list, BlockStyle style)
    {
        var inner = style with { ParagraphSpacing = 2, ListDepth = style.ListDepth + 1, Alignment = style.Alignment == TextAlignment.Justify ? TextAlignment.Left : style.Alignment };
        float indent = list.Ordered ? (list.Start + list.Items.Count > 10 ? 24 : 20) : 14;
        var items = new List<Element>();
        for (int i = 0; i < list.Items.Count; i++)
        {
            string marker = list.Ordered
                ? (list.Start + i).ToString(CultureInfo.InvariantCulture) + "."
                : Bullets[Math.Min(style.ListDepth, Bullets.Length - 1)];
            var markerStyle = list.Ordered ? style.Text : style.Text with { Color = styles.Accent, Bold = true };
            // Numbers are right-aligned so "9." and "10." end at the same place; the gap keeps them off the text.
            const float gap = 5;
            var markerElement = new TextBlockElement([new TextSpan(marker, markerStyle)], list.Ordered ? TextAlignment.Right : TextAlignment.Left, styles.LineHeight) { Splittable = false };
            var content = new ColumnElement(list.Items[i].Blocks.Select(b => Build(b, inner)).ToList());
            var spacer = new ColumnElement([]);
            items.Add(new RowElement([markerElement, spacer, content], w => [indent - gap, gap, w - indent]) { SpaceAfter = 2 });
        }
        return new ColumnElement(items) { SpaceBefore = style.ListDepth == 0 ? 0 : 2, SpaceAfter = style.ParagraphSpacing + 2 };
    }

    private Element BuildTable(Table table)
    {
        var theme = styles.Theme.Table;
        var widths = table.Columns.Select(c => (float)Math.Max(c.RelativeWidth, 0.01)).ToArray();
        int columns = widths.Length;
        TextBlockElement[] Row(TableRow row, TextStyle style) =>
            Enumerable.Range(0, columns).Select(c =>
            {
                var content = c < row.Cells.Count ? row.Cells[c].Content : [];
                var alignment = table.Columns[c].Alignment switch
                {
                    ColumnAlignment.Right => TextAlignment.Right,
                    ColumnAlignment.Center => TextAlignment.Center,
                    _ => TextAlignment.Left,
                };
                return new TextBlockElement(Spans(content, style), alignment, 1.3f);
            }).ToArray();

        var look = new TableLook(
            PdfStyles.Colour(theme.HeaderBackground),
            PdfStyles.OptionalColour(theme.BandBackground),
            PdfStyles.Colour(theme.Border),
            (float)theme.BorderWidth,
            (float)theme.CellPadding);
        return new TableElement(widths,
            table.HeaderRows.Select(r => Row(r, styles.TableHeader)).ToList(),
            table.BodyRows.Select(r => Row(r, styles.Table)).ToList(),
            look)
        {
            SpaceBefore = 6,
            SpaceAfter = 10,
        };
    }

    private Element BuildCallout(Callout callout, BlockStyle style)
    {
        var inner = style with { Text = style.Text with { Size = style.Text.Size * 0.95f }, ParagraphSpacing = 4, Alignment = TextAlignment.Left };
        var children = new List<Element>();
        if (!string.IsNullOrWhiteSpace(callout.Title))
            children.Add(new TextBlockElement([new TextSpan(callout.Title, styles.Heading(3) with { Color = styles.Accent, Size = (float)styles.Theme.Headings.H3Size })], TextAlignment.Left, 1.3f)
            {
                Splittable = false,
                KeepWithNext = true,
                SpaceAfter = 4,
            });
        children.AddRange(callout.Blocks.Select(b => Build(b, inner)));
        var look = CalloutKinds.Colours(callout.Kind, styles.Theme.Colours);
        return new BoxElement(new ColumnElement(children))
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
        };
    }

    private Element BuildQuote(Quote quote, BlockStyle style)
    {
        var inner = style with { Text = style.Text with { Italic = true }, ParagraphSpacing = 3, Alignment = TextAlignment.Left };
        var children = quote.Blocks.Select(b => Build(b, inner)).ToList();
        if (quote.Attribution is { Count: > 0 } attribution)
        {
            // The attribution never stands alone at the top of a page.
            if (children.Count > 0)
                children[^1].KeepWithNext = true;
            var attributionStyle = style.Text with { Color = styles.Muted, Size = style.Text.Size * 0.92f };
            var spans = new List<TextSpan> { new("— ", attributionStyle) };
            spans.AddRange(Spans(attribution, attributionStyle));
            children.Add(new TextBlockElement(spans, TextAlignment.Right, styles.LineHeight) { SpaceBefore = 2 });
        }
        return new BoxElement(new ColumnElement(children))
        {
            PaddingLeft = 14,
            PaddingRight = 6,
            PaddingTop = 2,
            PaddingBottom = 2,
            BarColour = styles.QuoteBorder,
            BarWidth = 2,
            SpaceBefore = 6,
            SpaceAfter = 10,
        };
    }

    private Element BuildDefinitions(DefinitionList definitions, BlockStyle style)
    {
        var inner = style with { ParagraphSpacing = 2, Alignment = TextAlignment.Left };
        var termStyle = style.Text with { Bold = true, Color = styles.HeadingColour, Family = styles.Fonts.Heading, Size = style.Text.Size * 0.92f };
        // The term's line box is as tall as the definition's so their first baselines line up.
        var rows = definitions.Items.Select(item => (Element)new RowElement(
            [
                new TextBlockElement(Spans(item.Term, termStyle), TextAlignment.Left, styles.LineHeight * style.Text.Size / termStyle.Size) { Splittable = false },
                new ColumnElement(item.Definition.Select(b => Build(b, inner)).ToList()),
            ],
            w => [Math.Min(150, w * 0.3f), w - Math.Min(150, w * 0.3f)]) { SpaceAfter = 3 }).ToList();
        return new ColumnElement(rows) { SpaceBefore = 2, SpaceAfter = style.ParagraphSpacing + 2 };
    }

    private Element BuildContents(TableOfContents toc)
    {
        var entries = new List<Element>
        {
            new TextBlockElement([new TextSpan(toc.Title, styles.Heading(1))], TextAlignment.Left, 1.25f)
            {
                Splittable = false,
                KeepWithNext = true,
                SpaceAfter = 10,
                RuleBelow = styles.RuleColour,
            },
        };
        foreach (var heading in document.Headings().Where(h => h.Level <= toc.MaxLevel))
        {
            int level = Math.Clamp(heading.Level, 1, 3);
            var style = level == 1
                ? styles.Body with { Family = styles.Fonts.Heading, Bold = true, Color = styles.HeadingColour }
                : styles.Body with { Size = styles.Body.Size * 0.95f };
            var title = new TextBlockElement(Spans(heading.Content, style, linkable: false), TextAlignment.Left, 1.35f);
            entries.Add(new TocEntryElement(heading.Id, title, style, (level - 1) * 14)
            {
                SpaceBefore = level == 1 ? 5 : 1,
            });
        }
        return new ColumnElement(entries) { SpaceAfter = 12 };
    }

    // ---- inlines ------------------------------------------------------------------------------

    public List<TextSpan> Spans(IEnumerable<Inline> inlines, TextStyle style, bool linkable = true)
    {
        var spans = new List<TextSpan>();
        Flatten(inlines, style, null, spans, linkable);
        return spans;
    }

    private void Flatten(IEnumerable<Inline> inlines, TextStyle style, string? link, List<TextSpan> spans, bool linkable)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Documents.Text text:
                    spans.Add(new TextSpan(Typography.NoBreaks(text.Value), style, link));
                    break;
                case Emphasis emphasis:
                    Flatten(emphasis.Content, style with { Italic = !style.Italic }, link, spans, linkable);
                    break;
                case Strong strong:
                    Flatten(strong.Content, style with { Bold = true }, link, spans, linkable);
                    break;
                case Code code:
                    spans.Add(new TextSpan(code.Value, style with { Family = styles.Fonts.Mono, Size = style.Size * 0.9f, Bold = false, Italic = false }, link));
                    break;
                case Link target:
                    Flatten(target.Content, linkable ? style with { Color = styles.LinkColour } : style, linkable ? target.Target : link, spans, linkable);
                    break;
                case FootnoteReference note:
                    bool known = document.FindFootnote(note.Number) is not null;
                    spans.Add(new TextSpan(
                        note.Number.ToString(CultureInfo.InvariantCulture),
                        style with { Size = style.Size * 0.62f, Superscript = true, Bold = false, Color = styles.LinkColour },
                        known && linkable ? $"#fn-{note.Number}" : null,
                        known && linkable ? note.Number : 0));
                    break;
                case LineBreak:
                    spans.Add(new TextSpan("", style, LineBreak: true));
                    break;
            }
        }
    }
}
