using Briefings.Documents;
using DocumentFormat.OpenXml;

namespace Briefings.Docx.Body;

/// <summary>
/// Writes one type of block of the tree as Word content (Markdig's model: one renderer per node type,
/// registered in one place, <see cref="BlockRenderers.Create"/>). A new block type is a tree type, its
/// Markdown reading and one renderer class per writer; nothing else changes.
/// </summary>
internal interface IBlockRenderer
{
    Type BlockType { get; }

    void Write(Block block, BlockScope scope, List<OpenXmlElement> output);
}

/// <summary>A renderer for blocks of type <typeparamref name="T"/>.</summary>
internal abstract class BlockRenderer<T> : IBlockRenderer where T : Block
{
    public Type BlockType => typeof(T);

    public void Write(Block block, BlockScope scope, List<OpenXmlElement> output) => Write((T)block, scope, output);

    protected abstract void Write(T block, BlockScope scope, List<OpenXmlElement> output);
}

/// <summary>The one place the Word writer's block renderers are registered.</summary>
internal static class BlockRenderers
{
    public static IReadOnlyDictionary<Type, IBlockRenderer> Create(BlockWriter blocks, WriteContext context, InlineWriter inlines)
    {
        IBlockRenderer[] renderers =
        [
            new HeadingRenderer(blocks),
            new ParagraphRenderer(inlines),
            new ListRenderer(blocks),
            new TableRenderer(new TableWriter(context, inlines)),
            new CalloutRenderer(blocks, new CalloutWriter(context, blocks, inlines)),
            new QuoteRenderer(blocks),
            new DefinitionListRenderer(blocks),
            new RuleRenderer(blocks),
            new PageBreakRenderer(),
            new ContentsRenderer(new ContentsWriter(context, inlines)),
            new FigureRenderer(context),
        ];
        return renderers.ToDictionary(r => r.BlockType);
    }

    private sealed class HeadingRenderer(BlockWriter blocks) : BlockRenderer<Heading>
    {
        protected override void Write(Heading block, BlockScope scope, List<OpenXmlElement> output) =>
            output.Add(blocks.HeadingParagraph(block, scope));
    }

    private sealed class ParagraphRenderer(InlineWriter inlines) : BlockRenderer<Documents.Paragraph>
    {
        protected override void Write(Documents.Paragraph block, BlockScope scope, List<OpenXmlElement> output) =>
            output.Add(BlockWriter.Paragraph(BlockWriter.ContinuationProperties(scope), inlines.Write(block.Content, scope.Inlines)));
    }

    private sealed class ListRenderer(BlockWriter blocks) : BlockRenderer<ListBlock>
    {
        protected override void Write(ListBlock block, BlockScope scope, List<OpenXmlElement> output) =>
            blocks.WriteList(block, scope, output);
    }

    private sealed class TableRenderer(TableWriter tables) : BlockRenderer<Documents.Table>
    {
        protected override void Write(Documents.Table block, BlockScope scope, List<OpenXmlElement> output)
        {
            output.Add(BlockWriter.KeepRowsTogether(tables.Table(block, scope), BreakRules.TableRowsToStart));
            output.Add(BlockWriter.Spacer());
        }
    }

    private sealed class CalloutRenderer(BlockWriter blocks, CalloutWriter callouts) : BlockRenderer<Callout>
    {
        protected override void Write(Callout block, BlockScope scope, List<OpenXmlElement> output)
        {
            if (CalloutWriter.FitsParagraphs(block))
            {
                callouts.Write(block, scope, output);
                return;
            }
            output.Add(blocks.CalloutBox(block, scope));
            output.Add(BlockWriter.Spacer());
        }
    }

    private sealed class QuoteRenderer(BlockWriter blocks) : BlockRenderer<Quote>
    {
        protected override void Write(Quote block, BlockScope scope, List<OpenXmlElement> output) =>
            blocks.WriteQuote(block, scope, output);
    }

    private sealed class DefinitionListRenderer(BlockWriter blocks) : BlockRenderer<DefinitionList>
    {
        protected override void Write(DefinitionList block, BlockScope scope, List<OpenXmlElement> output)
        {
            output.Add(BlockWriter.KeepRowsTogether(blocks.KeyValueTable(block, scope), rowsToStart: 1));
            output.Add(BlockWriter.Spacer());
        }
    }

    private sealed class RuleRenderer(BlockWriter blocks) : BlockRenderer<Rule>
    {
        protected override void Write(Rule block, BlockScope scope, List<OpenXmlElement> output) =>
            output.Add(blocks.RuleParagraph());
    }

    private sealed class PageBreakRenderer : BlockRenderer<PageBreak>
    {
        protected override void Write(PageBreak block, BlockScope scope, List<OpenXmlElement> output) =>
            output.Add(BlockWriter.PageBreakParagraph());
    }

    private sealed class ContentsRenderer(ContentsWriter contents) : BlockRenderer<TableOfContents>
    {
        protected override void Write(TableOfContents block, BlockScope scope, List<OpenXmlElement> output) =>
            output.Add(contents.Write(block));
    }
}
