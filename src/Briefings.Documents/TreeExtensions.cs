using System.Text;

namespace Briefings.Documents;

/// <summary>Walks and flattens the tree; shared by writers, contents builders and tests.</summary>
public static class TreeExtensions
{
    /// <summary>The text a reader would see, with footnote marks as their numbers and line breaks as spaces.</summary>
    public static string ToPlainText(this IEnumerable<Inline> inlines)
    {
        var text = new StringBuilder();
        AppendPlainText(text, inlines);
        return text.ToString();
    }

    private static void AppendPlainText(StringBuilder text, IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Text t: text.Append(t.Value); break;
                case Code c: text.Append(c.Value); break;
                case Emphasis e: AppendPlainText(text, e.Content); break;
                case Strong s: AppendPlainText(text, s.Content); break;
                case Link l: AppendPlainText(text, l.Content); break;
                case FootnoteReference f: text.Append(f.Number); break;
                case LineBreak: text.Append(' '); break;
            }
        }
    }

    /// <summary>Every block in document order, depth first, including those nested in lists, quotes and call-outs.</summary>
    public static IEnumerable<Block> Descendants(this IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            yield return block;
            var children = block switch
            {
                ListBlock list => list.Items.SelectMany(i => i.Blocks),
                Callout callout => callout.Blocks,
                Quote quote => quote.Blocks,
                DefinitionList definitions => definitions.Items.SelectMany(i => i.Definition),
                _ => [],
            };
            foreach (var child in children.Descendants())
                yield return child;
        }
    }
}
