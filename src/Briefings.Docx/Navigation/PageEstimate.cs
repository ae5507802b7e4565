using Briefings.Documents;

namespace Briefings.Docx.Navigation;

/// <summary>
/// The page each heading is expected on, for the contents' stored page numbers. The Word writer knows only
/// the tree, not Word's layout, so it estimates from the theme's page and type sizes: lines of text at an
/// average character width, headings, table rows, notes at the foot, page breaks, the cover page. Word
/// replaces the estimates with its own numbers when it updates the fields (the settings ask it to on open).
/// </summary>
internal static class PageEstimate
{
    private const double ListSpacing = 3; // the List Paragraph style's space after, in points
    private const double AverageCharWidth = 0.5; // of the font size, for running text in Noto Sans/Serif

    public static IReadOnlyDictionary<string, int> HeadingPages(Document document, Theme theme)
    {
        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        var page = theme.Page;
        var width = page.Width - page.MarginLeft - page.MarginRight;
        var height = page.Height - page.MarginTop - page.MarginBottom;
        var fonts = theme.Fonts;
        var seenNotes = new HashSet<int>();
        var current = 1;
        var used = 0.0;
        if (theme.Cover.Enabled)
            current = 2;

        double TextHeight(string text, double size, double lineHeight, double lineWidth) =>
            Math.Max(1, Math.Ceiling(text.Length * size * AverageCharWidth / Math.Max(lineWidth, size))) * size * lineHeight;

        double NotesHeight(IEnumerable<Inline> inlines)
        {
            var total = 0.0;
            foreach (var number in Marks(inlines))
                if (seenNotes.Add(number) && document.FindFootnote(number) is { } note)
                    total += note.Blocks.Descendants().OfType<Paragraph>()
                        .Sum(p => TextHeight(p.Content.ToPlainText(), fonts.FootnoteSize, 1.2, width)) + 2;
            return total;
        }

        double BlockHeight(Block block, double lineWidth, double? spacing = null) => block switch
        {
            Paragraph p => TextHeight(p.Content.ToPlainText(), fonts.BodySize, fonts.LineHeight, lineWidth)
                           + (spacing ?? fonts.ParagraphSpacing) + NotesHeight(p.Content),
            Heading h => TextHeight(h.Content.ToPlainText(), theme.Headings.SizeFor(h.Level), 1.25, lineWidth)
                         + theme.Headings.SpaceBefore + theme.Headings.SpaceAfter,
            ListBlock list => list.Items.Sum(i => i.Blocks.Sum(b => BlockHeight(b, lineWidth - 20, ListSpacing))),
            Callout callout => callout.Blocks.Sum(b => BlockHeight(b, lineWidth - 20)) + (callout.Title is null ? 0 : fonts.BodySize * 1.5) + 16,
            Quote quote => quote.Blocks.Sum(b => BlockHeight(b, lineWidth - 40)) + (quote.Attribution is null ? 0 : fonts.BodySize * 1.5),
            DefinitionList definitions => definitions.Items.Sum(i => i.Definition.Sum(b => BlockHeight(b, lineWidth * 0.7))),
            Table table => table.HeaderRows.Concat(table.BodyRows).Sum(row =>
                               row.Cells.Count == 0 ? 0 : row.Cells.Max(c =>
                                   TextHeight(c.Content.ToPlainText(), theme.Table.FontSize, 1.3, lineWidth / row.Cells.Count - 2 * theme.Table.CellPadding))
                                   + 2 * theme.Table.CellPadding + NotesHeight(row.Cells.SelectMany(c => c.Content)))
                           + fonts.ParagraphSpacing,
            TableOfContents toc => (document.Headings().Count(h => h.Level <= toc.MaxLevel) + 2) * fonts.BodySize * 1.6,
            Rule => 12,
            _ => 0,
        };

        foreach (var block in document.Blocks)
        {
            if (block is PageBreak)
            {
                if (used > 0) { current++; used = 0; }
                continue;
            }
            var blockHeight = BlockHeight(block, width);
            // A heading keeps with what follows: it moves to the next page when little room is left.
            if (block is Heading && used > 0 && used + blockHeight + 3 * fonts.BodySize * fonts.LineHeight > height)
            {
                current++;
                used = 0;
            }
            if (block is Heading heading && !string.IsNullOrEmpty(heading.Id))
                pages.TryAdd(heading.Id, current);
            used += blockHeight;
            while (used > height)
            {
                current++;
                used -= height;
            }
            foreach (var nested in new[] { block }.Descendants().Skip(1).OfType<Heading>())
                if (!string.IsNullOrEmpty(nested.Id))
                    pages.TryAdd(nested.Id, current);
        }
        return pages;
    }

    private static IEnumerable<int> Marks(IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case FootnoteReference f: yield return f.Number; break;
                case Emphasis e: foreach (var n in Marks(e.Content)) yield return n; break;
                case Strong s: foreach (var n in Marks(s.Content)) yield return n; break;
                case Link l: foreach (var n in Marks(l.Content)) yield return n; break;
            }
        }
    }
}
