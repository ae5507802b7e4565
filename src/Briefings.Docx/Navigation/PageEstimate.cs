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
    private const double AverageCharWidth = 0.5; // of the font size, for running text in a font that is not bundled
    private const double WrapLoss = 0.06; // of a line, lost at its end to whole words wrapping

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

        // Lines from the text's width in the body font (glyph advances; an average character width for a font
        // that is not bundled), less what whole words lose at line ends.
        double TextHeight(string text, double size, double lineHeight, double lineWidth)
        {
            var textWidth = Body.TextMeasure.Width(text, fonts.Body, bold: false, size) ?? text.Length * size * AverageCharWidth;
            return Math.Max(1, Math.Ceiling(textWidth / (Math.Max(lineWidth, size) * (1 - WrapLoss)))) * size * lineHeight;
        }

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
            // The picture on a line of its own, then the caption (the Caption style's size and space after).
            Figure figure => figure.Size.Resolve(lineWidth).Height + fonts.ParagraphSpacing
                             + (string.IsNullOrWhiteSpace(figure.Caption) ? 0
                                 : TextHeight(figure.Caption, Math.Max(fonts.FootnoteSize, fonts.BodySize - 1.5), 1.2, lineWidth) + 10),
            _ => 0,
        };

        // A block's height without its notes (BlockHeight counts each note once, the first time it is asked).
        double PlainHeight(Block block, double lineWidth) => block switch
        {
            Paragraph p => TextHeight(p.Content.ToPlainText(), fonts.BodySize, fonts.LineHeight, lineWidth) + fonts.ParagraphSpacing,
            ListBlock list => list.Items.Sum(i => i.Blocks.Sum(b => PlainHeight(b, lineWidth - 20))),
            _ => 0,
        };

        double? KeptWhole(IReadOnlyList<Block> all, int index) => all[index] switch
        {
            Callout when index == 0 || all[index - 1] is not Callout =>
                all.Skip(index).TakeWhile(b => b is Callout).Select(b => BlockHeight(b, width)).Aggregate(0.0, (sum, h) => sum + h) is var group && group <= height
                    ? group : BlockHeight(all[index], width),
            Table table when table.BodyRows.Count <= 3 => BlockHeight(table, width),
            DefinitionList definitions when definitions.Items.Count <= 3 => BlockHeight(definitions, width),
            Figure figure => BlockHeight(figure, width),
            _ => null,
        };

        var blocks = document.Blocks;
        var line = fonts.BodySize * fonts.LineHeight;
        var tails = SectionTails(blocks, b => PlainHeight(b, width), line, height / 3);
        for (var index = 0; index < blocks.Count; index++)
        {
            var block = blocks[index];
            if (block is PageBreak)
            {
                if (used > 0) { current++; used = 0; }
                continue;
            }
            var blockHeight = BlockHeight(block, width);
            if (block is Heading && used > 0)
            {
                // A heading keeps with what follows: it moves to the next page when little room is left, or
                // with its whole section when that section is a short end kept together (see SectionTails).
                // (A section shorter than three lines needs only its own height.) Headings that follow it directly
                // ("Biographies", then a person's name) keep with it and with their own text.
                var chained = blockHeight;
                var first = index + 1;
                for (; first < blocks.Count && blocks[first] is Heading following; first++)
                    chained += BlockHeight(following, width);
                var next = tails.TryGetValue(first, out var tail) && tail.WholeSection ? tail.Height : 3 * line;
                if (used + chained + next > height)
                {
                    current++;
                    used = 0;
                }
            }
            else if (used > 0 && KeptWhole(blocks, index) is { } kept && used + kept > height && kept <= height)
            {
                // Short tables and key–value lists, figures, call-outs (and call-outs in a row) move whole when they fit on a page.
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
            // The end of a section is not carried over as less than three lines: when a page break fell inside the
            // kept end (less of it is on this page than all of it), the break comes before it.
            if (tails.TryGetValue(index, out var end) && end.EndsHere && used < end.Height && end.Height <= height)
                used = end.Height;
            foreach (var nested in new[] { block }.Descendants().Skip(1).OfType<Heading>())
                if (!string.IsNullOrEmpty(nested.Id))
                    pages.TryAdd(nested.Id, current);
        }
        return pages;
    }

    /// <summary>
    /// For each block that ends a section (before a heading, a page break or the end) in text of fewer than three
    /// lines: the height the Word writer keeps together at the section's end (<see cref="Body.SectionEnds"/>):
    /// the last paragraphs or list items, whole while each is no taller than a third of a page, or two lines of
    /// a taller one, keyed by the block that ends the section (EndsHere). When the kept end is all of the section
    /// after its heading, the section's first block also has the height, with WholeSection set.
    /// </summary>
    private static Dictionary<int, (double Height, bool WholeSection, bool EndsHere)> SectionTails(
        IReadOnlyList<Block> blocks, Func<Block, double> height, double line, double thirdOfPage)
    {
        var tails = new Dictionary<int, (double, bool, bool)>();
        for (var end = 0; end < blocks.Count; end++)
        {
            if (blocks[end] is not (Paragraph or ListBlock) || (end + 1 < blocks.Count && blocks[end + 1] is not (Heading or PageBreak)))
                continue;
            // The section's trailing text, last unit first: paragraphs, and list items one by one.
            var units = new List<double>();
            var first = end;
            for (var i = end; i >= 0 && blocks[i] is Paragraph or ListBlock; i--)
            {
                first = i;
                if (blocks[i] is ListBlock list)
                    units.AddRange(list.Items.Reverse().Select(item => item.Blocks.Sum(height)));
                else
                    units.Add(height(blocks[i]));
            }
            if (units.Count == 0 || units[0] / line >= 3)
                continue;
            double kept = units[0], lines = Math.Round(units[0] / line);
            var k = 1;
            for (; lines < 3 && k < units.Count; k++)
            {
                if (units[k] <= thirdOfPage)
                {
                    kept += units[k];
                    lines += Math.Max(1, Math.Round(units[k] / line));
                }
                else
                {
                    kept += 2 * line;
                    lines += 2;
                }
            }
            var whole = k == units.Count && first > 0 && blocks[first - 1] is Heading && Math.Abs(kept - units.Sum()) < 0.01;
            tails[end] = (kept, whole && first == end, true);
            if (whole && first != end)
                tails[first] = (kept, true, false);
        }
        return tails;
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
