using System.Globalization;
using Briefings.Documents;
using Briefings.Pdf.Layout;
using Briefings.Pdf.Serialization;
using Briefings.Pdf.Text;

namespace Briefings.Pdf.Rendering;

/// <summary>Text settings inherited by nested blocks (quotes are italic, list items are tighter).</summary>
internal sealed record BlockStyle(TextStyle Text, TextAlignment Alignment, float ParagraphSpacing, int ListDepth);

/// <summary>
/// Turns the document tree into layout elements, styled from the theme, and into the PDF structure tree
/// (tagged PDF): each block becomes its structure element (H1–H3, P, L/LI/Lbl/LBody, Table/THead/TBody/TR/
/// TH/TD, BlockQuote, TOC/TOCI, Div for call-outs, Note for footnotes) in the tree's reading order, and the
/// elements that draw text carry the structure element their text belongs to. Each block type has its
/// renderer class (<see cref="BlockRenderers"/>); this class holds what they share (styles, inlines, footnotes).
/// </summary>
internal sealed class ElementBuilder(Document document, PdfStyles styles)
{
    /// <summary>The structure tree's Document element; everything built is tagged under it.</summary>
    public StructureElement Root { get; } = new(StructureRoles.Document, null);

    /// <summary>List markers by depth.</summary>
    public static readonly string[] Bullets = ["•", "–", "•"];

    public Document Document => document;
    public PdfStyles Styles => styles;

    public ColumnElement BuildBody()
    {
        var root = new BlockStyle(styles.Body, styles.Theme.BodyAlignment, styles.ParagraphSpacing, 0);
        return new ColumnElement(GroupCallouts(document.Blocks, root, Root)) { IsPageBody = true };
    }

    /// <summary>
    /// The body's elements, with call-outs that follow one another ("Key messages" then "Points to make")
    /// kept together as one group when the group fits on a page.
    /// </summary>
    private List<Element> GroupCallouts(IReadOnlyList<Block> blocks, BlockStyle style, StructureElement parent)
    {
        var elements = new List<Element>();
        for (int i = 0; i < blocks.Count; i++)
        {
            int end = i;
            while (end + 1 < blocks.Count && blocks[i] is Callout && blocks[end + 1] is Callout)
                end++;
            if (end == i)
            {
                elements.Add(Build(blocks[i], style, parent));
                continue;
            }
            var group = Enumerable.Range(i, end - i + 1).Select(j => Build(blocks[j], style, parent)).ToList();
            elements.Add(new KeepTogetherElement(new ColumnElement(group) { SpaceBefore = group[0].SpaceBefore, SpaceAfter = group[^1].SpaceAfter }));
            i = end;
        }
        return elements;
    }

    /// <summary>The footnote bodies, laid out once at the column width: "1  Source text"; each is a Note element after the body.</summary>
    public void DefineFootnotes(LayoutContext context, float width)
    {
        foreach (var note in document.Footnotes)
        {
            context.Footnotes.Structure[note.Number] = new StructureElement(StructureRoles.Note, Root)
            {
                Id = "fn-" + note.Number.ToString(CultureInfo.InvariantCulture),
            };
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
            var full = TextLayout.Create(spans, width, TextAlignment.Left, 1.3f, context.Fonts, context.Problems, context.Hyphenator);
            TextLayout? brief = null;
            if (full.Lines.Count > 1 && NoteShortForm.Of(note) is { } shortForm)
                brief = TextLayout.Create([spans[0], new TextSpan(shortForm, styles.Footnote)], width, TextAlignment.Left, 1.3f, context.Fonts, context.Problems, context.Hyphenator);
            context.Footnotes.Define(note.Number, full, brief);
        }
    }

    private static IReadOnlyList<Inline> InlinesOf(Block block) => block switch
    {
        Paragraph p => p.Content,
        Heading h => h.Content,
        _ => [new Documents.Text(string.Join(" ", new[] { block }.Descendants().OfType<Paragraph>().Select(p => p.Content.ToPlainText())))],
    };

    private static readonly Dictionary<Type, BlockRenderer> Renderers = BlockRenderers.All.ToDictionary(r => r.BlockType);

    /// <summary>A block's layout element, its structure element created under parent, by the block type's renderer.</summary>
    public Element Build(Block block, BlockStyle style, StructureElement parent) =>
        Renderers.TryGetValue(block.GetType(), out var renderer)
            ? renderer.Render(this, block, style, parent)
            : throw new DocumentWriteException(DocumentCodes.PdfInternal, $"The PDF writer does not know the block type {block.GetType().Name}.");

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
