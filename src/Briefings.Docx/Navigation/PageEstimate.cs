using Briefings.Documents;

namespace Briefings.Docx.Navigation;

/// <summary>
/// The page each heading is expected on, for the contents' stored page numbers. The Word writer knows only
/// the tree, not Word's layout, so it lays the blocks out as the styles set them: lines broken between words at
/// the fonts' glyph advances, line heights and spacing from the styles, table rows in the writer's column widths,
/// notes and their separator at the foot, the keeps the writer sets, page breaks, the cover page. The rules were
/// measured against LibreOffice's layout (scripts/check-docx-contents.py). Word replaces the estimates with its
/// own numbers when it updates the fields (the settings ask it to on open).
/// </summary>
internal static class PageEstimate
{
    private const double ListSpacing = 3; // the List Paragraph style's space after, in points
    private const double ContentsSpacing = 3; // the contents entries' space after, in points
    private const double AverageCharWidth = 0.5; // of the font size, for running text in a font that is not bundled
    // The exact-height paragraph after a table, key–value list or call-out box. Before a heading the heading's space
    // before carries it instead; the sum is the same, so it is counted with the block either way.
    private const double Spacer = Body.BlockWriter.SpacerHeight;

    public static IReadOnlyDictionary<string, int> HeadingPages(Document document, Theme theme)
    {
        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        var page = theme.Page;
        var width = page.Width - page.MarginLeft - page.MarginRight;
        var height = page.Height - page.MarginTop - page.MarginBottom;
        var fonts = theme.Fonts;
        var seenNotes = new HashSet<int>();
        var newNotes = 0;
        var current = 1;
        var used = 0.0;
        if (theme.Cover.Enabled)
            current = 2;

        // Line heights as the styles state them: "auto" spacing multiplies the font's own line height; body text
        // (Normal) asks for the theme's line height, footnotes, table text and captions for single spacing.
        var natural = Styles.FontLineHeight.Of(fonts.Body);
        var bodyLine = fonts.BodySize * fonts.LineHeight;
        var entryLine = Units.InHalfPoints(fonts.BodySize * TextScales.ContentsEntry) * fonts.LineHeight;
        double HeadingLine(int level) => theme.Headings.SizeFor(level) * fonts.LineHeight * Styles.FontLineHeight.Of(fonts.Heading) / natural;
        var noteLine = fonts.FootnoteSize * natural;
        var tableFamily = Styles.StylesBuilder.TableFamily(theme);
        var tableLine = theme.Table.FontSize * Styles.FontLineHeight.Of(tableFamily);
        var captionSize = Math.Max(fonts.FootnoteSize, fonts.BodySize - 1.5);
        // The footnote separator, once on a page with notes.
        const double separator = Notes.FootnotesWriter.SeparatorHeight;
        // A level-1 heading's hairline underneath: its width and its distance from the text.
        const double HeadingRule = 0.5 + 2;

        // Lines broken between words at the text's glyph advances (an average character width for a font that is
        // not bundled), times the line height.
        int LineCount(string text, double size, double lineWidth, bool bold = false, string? family = null) =>
            Body.TextMeasure.Lines(text, family ?? fonts.Body, bold, size, lineWidth)
            ?? (int)Math.Max(1, Math.Ceiling(text.Length * size * AverageCharWidth / Math.Max(lineWidth, size)));

        double TextHeight(string text, double size, double lineHeight, double lineWidth) =>
            LineCount(text, size, lineWidth) * size * lineHeight;

        double NotesHeight(IEnumerable<Inline> inlines)
        {
            var total = 0.0;
            foreach (var number in Marks(inlines))
                if (seenNotes.Add(number) && document.FindFootnote(number) is { } note)
                {
                    newNotes++;
                    // The note opens with its number and a space.
                    var text = number.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ";
                    total += note.Blocks.Descendants().OfType<Paragraph>()
                        .Sum(p => LineCount(text + p.Content.ToPlainText(), fonts.FootnoteSize, width) * noteLine);
                    text = "";
                }
            return total;
        }

        double HeadingHeight(Heading h, double lineWidth) =>
            LineCount(h.Content.ToPlainText(), theme.Headings.SizeFor(h.Level), lineWidth, bold: true, family: fonts.Heading) * HeadingLine(h.Level)
            + theme.Headings.SpaceAfter + (h.Level == 1 ? HeadingRule : 0);

        // The whole table with the spacer after it; or, given a number of body rows, its start: the header rows and
        // that many body rows.
        double TableHeight(Table table, double lineWidth, int? bodyRows = null)
        {
            var columns = Body.TableWriter.ColumnWidths(table.Columns, Units.Twips(lineWidth), Body.TableWriter.MinimumWidths(table, theme));
            var padding = theme.Table.CellPadding;
            double Row(TableRow row, bool header) =>
                Enumerable.Range(0, Math.Min(row.Cells.Count, columns.Length))
                    .Select(i => LineCount(row.Cells[i].Content.ToPlainText(), theme.Table.FontSize, columns[i] / 20.0 - 2 * padding, bold: header, family: tableFamily))
                    .DefaultIfEmpty(1).Max() * tableLine
                + 2 * padding + theme.Table.BorderWidth + NotesHeight(row.Cells.SelectMany(c => c.Content));
            return table.HeaderRows.Sum(r => Row(r, true)) + table.BodyRows.Take(bodyRows ?? int.MaxValue).Sum(r => Row(r, false))
                   + theme.Table.BorderWidth + (bodyRows is null ? Spacer : 0);
        }

        // Two borderless columns: the term (bold, in the heading family, a little smaller, on the body's line height)
        // in at most 30% of the width and no more than 150 pt, the definition's paragraphs beside it with no space
        // between them, 3 pt under each row; then the spacer.
        double DefinitionsHeight(DefinitionList definitions, double lineWidth)
        {
            var term = Math.Min(150, lineWidth * 0.3);
            var value = lineWidth - term - 6;
            return definitions.Items.Sum(i => Math.Max(
                       LineCount(i.Term.ToPlainText(), fonts.BodySize * TextScales.DefinitionTerm, term - 6, bold: true, family: fonts.Heading) * bodyLine,
                       i.Definition.Sum(b => b is Paragraph p ? TextHeight(p.Content.ToPlainText(), fonts.BodySize, fonts.LineHeight, value) + NotesHeight(p.Content)
                                                              : BlockHeight(b, value)))
                   + 3) + Spacer;
        }

        // A call-out of paragraphs and lists (Styles.CalloutStyles): every paragraph, list items too, at one indent, in
        // the call-out's type size with its space after; the title in the heading font at the level-3 size; the
        // box's padding and hairlines above and below.
        double CalloutHeight(Callout callout, double lineWidth)
        {
            var textWidth = lineWidth - (Styles.CalloutStyles.TextLeft + Styles.CalloutStyles.TextRight) / 20.0;
            var size = fonts.BodySize * Styles.CalloutStyles.TextScale;
            var spacing = Styles.CalloutStyles.ParagraphSpacing;
            double Text(Block block) => block switch
            {
                Paragraph p => LineCount(p.Content.ToPlainText(), size, textWidth) * size * fonts.LineHeight + spacing + NotesHeight(p.Content),
                ListBlock list => list.Items.Sum(i => i.Blocks.Sum(Text)),
                _ => 0,
            };
            var title = string.IsNullOrWhiteSpace(callout.Title) ? 0
                : LineCount(callout.Title, theme.Headings.H3Size, textWidth, bold: true, family: fonts.Heading) * theme.Headings.H3Size * fonts.LineHeight + spacing;
            return title + callout.Blocks.Sum(Text) + Styles.CalloutStyles.PaddingTop + Styles.CalloutStyles.PaddingBottom + 2 * 0.5;
        }

        double BlockHeight(Block block, double lineWidth, double? spacing = null) => block switch
        {
            Paragraph p => TextHeight(p.Content.ToPlainText(), fonts.BodySize, fonts.LineHeight, lineWidth)
                           + (spacing ?? fonts.ParagraphSpacing) + NotesHeight(p.Content),
            Heading h => HeadingHeight(h, lineWidth),
            ListBlock list => list.Items.Sum(i => i.Blocks.Sum(b => BlockHeight(b, lineWidth - 20, ListSpacing))),
            Callout callout when Body.CalloutWriter.FitsParagraphs(callout) => CalloutHeight(callout, lineWidth),
            Callout callout => callout.Blocks.Sum(b => BlockHeight(b, lineWidth - 20)) + (callout.Title is null ? 0 : fonts.BodySize * 1.5) + 16,
            Quote quote => quote.Blocks.Sum(b => BlockHeight(b, lineWidth - 40)) + (quote.Attribution is null ? 0 : fonts.BodySize * 1.5),
            DefinitionList definitions => DefinitionsHeight(definitions, lineWidth),
            Table table => TableHeight(table, lineWidth),
            // The contents heading (a level-1 heading), then one line per entry: level 1 at the body size, the levels
            // below at the contents entries' size (in whole half points, as the style states it).
            TableOfContents toc => (string.IsNullOrWhiteSpace(toc.Title) ? 0 : theme.Headings.SpaceBefore + HeadingLine(1) + theme.Headings.SpaceAfter + HeadingRule)
                                   + document.Headings().Where(h => h.Level <= Math.Clamp(toc.MaxLevel, 1, 3))
                                       .Sum(h => (h.Level == 1 ? bodyLine : entryLine) + ContentsSpacing),
            Rule => 12,
            // The picture on a line of its own, then the caption (the Caption style: single spacing, 10 pt after).
            Figure figure => figure.Size.Resolve(lineWidth).Height
                             + (string.IsNullOrWhiteSpace(figure.Caption) ? 0
                                 : LineCount(figure.Caption, captionSize, lineWidth) * captionSize * natural + Styles.StylesBuilder.CaptionSpaceAfter),
            _ => 0,
        };

        // The space a block asks for above it and leaves below it. Between two paragraphs LibreOffice leaves the
        // larger of the first's space after and the second's space before (not their sum); at the top of a page
        // after a break that was not asked for, the space before is dropped.
        double Before(Block block) => block is Heading ? theme.Headings.SpaceBefore : 0;
        double After(Block block) => block switch
        {
            Paragraph => fonts.ParagraphSpacing,
            Heading => theme.Headings.SpaceAfter,
            ListBlock => ListSpacing,
            TableOfContents => ContentsSpacing,
            Callout callout when Body.CalloutWriter.FitsParagraphs(callout) => Styles.CalloutStyles.ParagraphSpacing,
            Figure figure when !string.IsNullOrWhiteSpace(figure.Caption) => Styles.StylesBuilder.CaptionSpaceAfter,
            _ => 0,
        };

        // What need not fit at a page's foot: the space below the block (and the spacer paragraph after a table or a
        // key–value list, which may fall to the next page or vanish at its top).
        double Trailing(Block block) => After(block) + (block is Table or DefinitionList ? Spacer : 0);

        // A block's height without its notes (BlockHeight counts each note once, the first time it is asked).
        double PlainHeight(Block block, double lineWidth) => block switch
        {
            Paragraph p => TextHeight(p.Content.ToPlainText(), fonts.BodySize, fonts.LineHeight, lineWidth) + fonts.ParagraphSpacing,
            ListBlock list => list.Items.Sum(i => i.Blocks.Sum(b => PlainHeight(b, lineWidth - 20))),
            _ => 0,
        };

        // A height asked ahead of the block's turn, with its notes, leaves them to be counted when the block is placed.
        double? Ahead(Func<double?> measure)
        {
            var seen = seenNotes.ToArray();
            var count = newNotes;
            var result = measure();
            seenNotes.Clear();
            seenNotes.UnionWith(seen);
            newNotes = count;
            return result;
        }

        double? KeptWhole(IReadOnlyList<Block> all, int index) => Ahead(() => all[index] switch
        {
            Callout when index == 0 || all[index - 1] is not Callout =>
                all.Skip(index).TakeWhile(b => b is Callout).Select(b => BlockHeight(b, width)).Aggregate(0.0, (sum, h) => sum + h) is var group && group <= height
                    ? group : BlockHeight(all[index], width),
            Table table when table.BodyRows.Count <= BreakRules.SmallBlockRows => BlockHeight(table, width),
            DefinitionList definitions when definitions.Items.Count <= BreakRules.SmallBlockRows => BlockHeight(definitions, width),
            Figure figure => BlockHeight(figure, width),
            _ => null,
        });

        // A longer table does not start at a page foot with fewer than two body rows (BreakRules.TableRowsToStart).
        double? KeptStart(IReadOnlyList<Block> all, int index) => all[index] is Table table && table.BodyRows.Count > BreakRules.SmallBlockRows
            ? Ahead(() => TableHeight(table, width, BreakRules.TableRowsToStart))
            : null;

        var blocks = document.Blocks;
        var line = fonts.BodySize * fonts.LineHeight;

        // The last block of the section a block is in (before the next heading or page break): the space below it
        // need not fit at a page's foot.
        int SectionEnd(int index)
        {
            while (index + 1 < blocks.Count && blocks[index + 1] is not (Heading or PageBreak))
                index++;
            return index;
        }

        // Widow and orphan control keep two lines on either side of a break, so a paragraph of up to three lines
        // moves whole; of a longer one, a heading asks for three lines. A paragraph that introduces a list keeps with
        // the list's first item (Body.SectionEnds): then it goes whole, with that item whole or two lines of it.
        double Opening(int lines) => (lines <= 3 ? lines : 2) * line;
        double FirstLines(Paragraph paragraph, int index)
        {
            var text = paragraph.Content.ToPlainText();
            var lines = LineCount(text, fonts.BodySize, width);
            if (index + 1 < blocks.Count && blocks[index + 1] is ListBlock { Items: [var item, ..] } && Body.SectionEnds.IntroducesList(text))
                return lines * line + fonts.ParagraphSpacing
                       + (item.Blocks is [Paragraph first, ..] ? Opening(LineCount(first.Content.ToPlainText(), fonts.BodySize, width - 20)) : 2 * line);
            return Math.Min(3, lines) * line;
        }
        var tails = SectionTails(blocks, b => PlainHeight(b, width), line, height / 3);
        var lastAfter = 0.0; // the space below the block before
        var askedTop = true; // the page began at a page break that was asked for (or is the first)
        var pageHasNotes = false;
        void NextPage()
        {
            current++;
            used = 0;
            askedTop = false;
            pageHasNotes = false;
        }
        for (var index = 0; index < blocks.Count; index++)
        {
            var block = blocks[index];
            if (block is PageBreak)
            {
                if (used > 0) NextPage();
                askedTop = true;
                continue;
            }
            // What must fit together, asked before the block's own height counts its notes as placed, so the notes
            // of the rows or block kept together are in it.
            var keptWhole = KeptWhole(blocks, index);
            var keptStart = KeptStart(blocks, index);
            newNotes = 0;
            var blockHeight = BlockHeight(block, width);
            var notes = newNotes;
            double Gap() => used == 0 ? (askedTop ? Before(block) : 0) : Math.Max(0, Before(block) - lastAfter);
            if (block is Heading && used > 0)
            {
                // A heading keeps with what follows: it moves to the next page when little room is left, or
                // with its whole section when that section is a short end kept together (see SectionTails).
                // (A section shorter than three lines needs only its own height.) Headings that follow it directly
                // ("Biographies", then a person's name) keep with it and with their own text.
                var chained = blockHeight;
                var first = index + 1;
                for (; first < blocks.Count && blocks[first] is Heading following; first++)
                    chained += Math.Max(0, Before(following) - theme.Headings.SpaceAfter) + Ahead(() => BlockHeight(following, width))!.Value;
                // What it keeps with: a short end of section, a block that moves whole (a short table, a figure, a
                // call-out), a longer table's first rows, a paragraph's first lines (below), or else the first three lines.
                var next = tails.TryGetValue(first, out var tail) && tail.WholeSection ? tail.Height - After(blocks[SectionEnd(first)])
                    : first < blocks.Count && KeptWhole(blocks, first) is { } whole && whole <= height ? whole - Trailing(blocks[first])
                    : first < blocks.Count && KeptStart(blocks, first) is { } start ? start
                    : first < blocks.Count && blocks[first] is Paragraph paragraph ? FirstLines(paragraph, first)
                    : 3 * line;
                if (used + Gap() + chained + next > height)
                    NextPage();
            }
            else if (used > 0 && keptWhole is { } kept && used + Gap() + kept - Trailing(block) > height && kept <= height)
            {
                // Short tables and key–value lists, figures, call-outs (and call-outs in a row) move whole when they fit on a page.
                NextPage();
            }
            else if (used > 0 && keptStart is { } start && used + Gap() + start > height)
            {
                NextPage();
            }
            // The first note on a page brings the separator above the notes.
            if (notes > 0 && !pageHasNotes)
            {
                blockHeight += separator;
                pageHasNotes = true;
            }
            if (block is Heading heading && !string.IsNullOrEmpty(heading.Id))
                pages.TryAdd(heading.Id, current);
            used += Gap() + blockHeight;
            askedTop = false;
            lastAfter = After(block);
            // What does not fit goes on over the next page (the space below the last line need not fit).
            while (used - Trailing(block) > height)
            {
                var rest = used - height;
                NextPage();
                used = rest;
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
