using Briefings.Documents;
using Briefings.Pdf.Fonts;
using Briefings.Pdf.Layout;
using Briefings.Pdf.Rendering;
using Briefings.Pdf.Text;
using Xunit;

namespace Briefings.Pdf.Tests;

/// <summary>The layout model without producing a PDF: state the space and the content, check the plan and the result.</summary>
public class LayoutTests
{
    private static readonly Theme Theme = new();
    private static readonly FontSet Fonts = FontSet.For(Theme.Fonts);
    private static readonly PdfStyles Styles = new(Theme, Fonts);

    private static LayoutContext Context() => new(Theme, Fonts, new ProblemLog());

    private static TextBlockElement Lines(int count)
    {
        // One word per hard line: exactly `count` lines whatever the width.
        var spans = new List<TextSpan>();
        for (int i = 0; i < count; i++)
        {
            spans.Add(new TextSpan($"Line{i}", Styles.Body));
            if (i < count - 1)
                spans.Add(new TextSpan("", Styles.Body, LineBreak: true));
        }
        return new TextBlockElement(spans, TextAlignment.Left, 1.35f);
    }

    private static float LineHeight => Styles.Body.Size * 1.35f;

    [Fact]
    public void Paragraph_that_fits_reports_all_with_its_height()
    {
        var plan = Lines(4).Measure(Context(), 400, 1000);
        Assert.Equal(PlanKind.All, plan.Kind);
        Assert.Equal(4 * LineHeight, plan.Height, 2);
    }

    [Fact]
    public void Paragraph_splits_and_continues_where_it_stopped()
    {
        var context = Context();
        var paragraph = Lines(10);
        var plan = paragraph.Measure(context, 400, 4.5f * LineHeight);
        Assert.Equal(PlanKind.Partial, plan.Kind);
        Assert.Equal(4 * LineHeight, plan.Height, 2);

        Assert.Equal(4 * LineHeight, paragraph.Draw(context, 0, 0, 400, 4.5f * LineHeight), 2);
        Assert.False(paragraph.IsDone);
        var rest = paragraph.Measure(context, 400, 1000);
        Assert.Equal(PlanKind.All, rest.Kind);
        Assert.Equal(6 * LineHeight, rest.Height, 2);
    }

    [Fact]
    public void A_single_line_before_the_page_end_is_refused_as_an_orphan()
    {
        var plan = Lines(10).Measure(Context(), 400, 1.5f * LineHeight);
        Assert.Equal(PlanKind.Nothing, plan.Kind);
        Assert.Contains("orphan", plan.Reason);
    }

    [Fact]
    public void A_split_never_leaves_one_line_for_the_next_page()
    {
        // Nine of ten lines would fit: take eight so two go over (no widow).
        var plan = Lines(10).Measure(Context(), 400, 9.5f * LineHeight);
        Assert.Equal(PlanKind.Partial, plan.Kind);
        Assert.Equal(8 * LineHeight, plan.Height, 2);
    }

    [Fact]
    public void A_three_line_paragraph_moves_whole_rather_than_split_badly()
    {
        var plan = Lines(3).Measure(Context(), 400, 2.5f * LineHeight);
        Assert.Equal(PlanKind.Nothing, plan.Kind);
    }

    [Fact]
    public void A_heading_is_kept_with_the_start_of_what_follows()
    {
        var heading = new TextBlockElement([new TextSpan("Outcomes", Styles.Heading(2))], TextAlignment.Left, 1.25f) { KeepWithNext = true, Splittable = false };
        var column = new ColumnElement([Lines(2), heading, Lines(6)]);
        var context = Context();
        // Room for the first paragraph, the heading and one line: the heading must not end the page.
        float space = 2 * LineHeight + 13 * 1.25f + 1.2f * LineHeight;
        var plan = column.Measure(context, 400, space);
        Assert.Equal(PlanKind.Partial, plan.Kind);
        Assert.Equal(2 * LineHeight, plan.Height, 2);

        column.Draw(context, 0, 0, 400, space);
        Assert.True(heading.Measure(context, 400, 1000).Kind == PlanKind.All);
        Assert.False(heading.IsStarted);
    }

    [Fact]
    public void Text_breaks_between_words_and_justified_lines_fill_the_width()
    {
        var text = string.Join(" ", Enumerable.Repeat("Lukashenko met Xi Jinping in Beijing.", 8));
        var layout = TextLayout.Create([new TextSpan(text, Styles.Body)], 300, TextAlignment.Justify, 1.35f, Fonts, new ProblemLog());
        Assert.True(layout.Lines.Count > 2);
        foreach (var line in layout.Lines.Take(layout.Lines.Count - 1))
            Assert.Equal(300, line.Right, 1);
        Assert.True(layout.Lines[^1].Right < 300);
        Assert.All(layout.Lines, l => Assert.DoesNotContain(l.Tokens, t => t.Text.Contains(' ')));
    }

    [Fact]
    public void Lines_break_after_hyphens_and_between_cjk_characters()
    {
        var fonts = FontSet.For(Theme.Fonts with { Fallback = [FixturePaths.CjkFont] });
        var style = Styles.Body with { Family = fonts.Body };
        var hyphenated = TextLayout.Create([new TextSpan("all-weather comprehensive-strategic", style)], 90, TextAlignment.Left, 1.35f, fonts, new ProblemLog());
        Assert.Contains(hyphenated.Lines, l => l.Tokens[^1].Text.EndsWith('-'));

        var cjk = TextLayout.Create([new TextSpan("习近平习近平习近平习近平", style)], 40, TextAlignment.Left, 1.35f, fonts, new ProblemLog());
        Assert.True(cjk.Lines.Count >= 3);
        Assert.Equal("习近平习近平习近平习近平", string.Concat(cjk.Lines.SelectMany(l => l.Tokens).Select(t => t.Text)));
    }

    [Fact]
    public void Right_to_left_words_read_right_to_left_inside_a_left_to_right_line()
    {
        var fonts = FontSet.For(Theme.Fonts with { Fallback = [FixturePaths.ArabicFont] });
        var style = Styles.Body with { Family = fonts.Body };
        var problems = new ProblemLog();
        var layout = TextLayout.Create([new TextSpan("Assad (بشار الأسد) in Hangzhou", style)], 400, TextAlignment.Left, 1.35f, fonts, problems);
        Assert.Empty(problems.Problems);
        var line = Assert.Single(layout.Lines);
        int first = Array.FindIndex(line.Tokens, t => t.Text.Contains("بشار"));
        int second = Array.FindIndex(line.Tokens, t => t.Text.Contains("الأسد"));
        Assert.True(line.X[first] > line.X[second], "the first Arabic word is drawn to the right of the second");
        Assert.True(line.X[second] > line.X[0], "the Arabic words stay after the Latin word before them");
        Assert.Contains(line.Tokens[first].Shaped.Runs, r => r.Face.Name.Contains("ArabicFixture"));
    }

    [Fact]
    public void A_table_repeats_its_header_and_splits_a_tall_row()
    {
        var context = Context();
        var header = new[] { new TextBlockElement([new TextSpan("Date", Styles.TableHeader)], TextAlignment.Left, 1.3f) };
        var tall = new[] { Lines(12) };
        var table = new TableElement([1f], [header], [tall], new TableLook(SkiaSharp.SKColors.Navy, null, SkiaSharp.SKColors.Gray, 0.5f, 4));

        float headerHeight = Styles.TableHeader.Size * 1.3f + 8;
        var plan = table.Measure(context, 300, headerHeight + 8 + 6.5f * LineHeight);
        Assert.Equal(PlanKind.Partial, plan.Kind);
        table.Draw(context, 0, 0, 300, headerHeight + 8 + 6.5f * LineHeight);
        Assert.False(table.IsDone);

        // The next page starts with the header again, then the six remaining lines of the row.
        var rest = table.Measure(context, 300, 1000);
        Assert.Equal(PlanKind.All, rest.Kind);
        Assert.Equal(headerHeight + 8 + 6 * LineHeight, rest.Height, 1);
    }

    [Fact]
    public void A_footnote_referenced_twice_on_a_page_is_paid_for_once()
    {
        var context = Context();
        var note = TextLayout.Create([new TextSpan("Lianhe Zaobao, 4 December 2023.", Styles.Footnote)], 400, TextAlignment.Left, 1.3f, Fonts, new ProblemLog());
        context.Footnotes.Define(1, note);
        TextBlockElement Cited() => new([new TextSpan("Lukashenko flew to Beijing.", Styles.Body), new TextSpan("1", Styles.Body with { Superscript = true }, "#fn-1", 1)], TextAlignment.Left, 1.35f);

        float noteCost = note.Height + FootnoteArea.NoteGap + FootnoteArea.SeparatorHeight;
        var one = new ColumnElement([Cited()]).Measure(context, 400, 1000);
        Assert.Equal(noteCost, one.FootnoteHeight, 2);

        var three = new ColumnElement([Cited(), Cited(), Cited()]).Measure(context, 400, 1000);
        Assert.Equal(PlanKind.All, three.Kind);
        Assert.Equal(noteCost, three.FootnoteHeight, 2);
        Assert.Equal(3 * LineHeight, three.Height, 2);
    }

    private static TextLayout Note(string text, float width = 400) =>
        TextLayout.Create([new TextSpan(text, Styles.Footnote)], width, TextAlignment.Left, 1.3f, Fonts, new ProblemLog());

    private static TextBlockElement CitingLine(string text, int note) =>
        new([new TextSpan(text, Styles.Body), new TextSpan(note.ToString(System.Globalization.CultureInfo.InvariantCulture), Styles.Body with { Superscript = true }, $"#fn-{note}", note)], TextAlignment.Left, 1.35f);

    [Fact]
    public void A_table_row_whose_cell_cites_a_note_leaves_room_for_the_note_in_every_cell()
    {
        // One cell is a single line citing a long note; its neighbour is ten lines. Without the note the row
        // fits exactly; with it, the row must split so that row and note together stay inside the space.
        var context = Context();
        var note = Note(string.Join(" ", Enumerable.Repeat("Lianhe Zaobao, “Lukashenko visits China again”, 4 December 2023.", 4)));
        context.Footnotes.Define(1, note);
        const float padding = 4;
        var row = new Element[] { CitingLine("Beijing", 1), Lines(10) };
        var table = new TableElement([1f, 1f], [], [row.Cast<TextBlockElement>().ToArray()], new TableLook(SkiaSharp.SKColors.Navy, null, SkiaSharp.SKColors.Gray, 0.5f, padding));
        float space = 10 * LineHeight + 2 * padding + 1;
        float noteCost = note.Height + FootnoteArea.NoteGap + FootnoteArea.SeparatorHeight;

        var plan = table.Measure(context, 400, space);
        Assert.Equal(PlanKind.Partial, plan.Kind);
        Assert.Equal(noteCost, plan.FootnoteHeight, 2);
        Assert.True(plan.Height + plan.FootnoteHeight <= space + 0.01f, $"row {plan.Height} + notes {plan.FootnoteHeight} > {space}");

        context.Footnotes.BeginPage();
        float drawn = table.Draw(context, 0, 0, 400, space);
        Assert.Equal(plan.Height, drawn, 2);
        Assert.Equal(noteCost, context.Footnotes.Height, 2);
        Assert.True(drawn + context.Footnotes.Height <= space + 0.01f, $"drawn {drawn} + notes {context.Footnotes.Height} > {space}");
        Assert.False(table.IsDone);
    }

    [Fact]
    public void A_list_item_or_key_value_row_leaves_room_for_the_note_its_first_cell_cites()
    {
        var context = Context();
        var note = Note(string.Join(" ", Enumerable.Repeat("Xinhua, “Xi Jinping holds talks with Lukashenko”, 4 December 2023.", 4)));
        context.Footnotes.Define(1, note);
        var row = new RowElement([CitingLine("Venue", 1), Lines(8)], w => [w / 3, 2 * w / 3]);
        float space = 8 * LineHeight + 1;

        var plan = row.Measure(context, 400, space);
        Assert.Equal(PlanKind.Partial, plan.Kind);
        Assert.True(plan.Height + plan.FootnoteHeight <= space + 0.01f);
        float drawn = row.Draw(context, 0, 0, 400, space);
        Assert.Equal(plan.Height, drawn, 2);
        Assert.True(drawn + context.Footnotes.Height <= space + 0.01f);
    }

    [Fact]
    public void Notes_at_the_page_foot_are_in_number_order_whatever_order_they_are_cited_in()
    {
        var context = Context();
        for (int n = 1; n <= 5; n++)
            context.Footnotes.Define(n, Note($"Source {n}, 4 December 2023."));
        context.Footnotes.BeginPage();
        context.Footnotes.Place([5]);
        context.Footnotes.Place([4, 1]);
        context.Footnotes.Place([2, 3]);
        Assert.Equal([1, 2, 3, 4, 5], context.Footnotes.OnPage);
    }

    [Fact]
    public void A_long_note_cited_again_on_a_later_page_is_printed_in_short_form_there()
    {
        var context = Context();
        var full = Note("Lianhe Zaobao, “Xi Jinping arrives in Kazakhstan for a state visit, his first trip abroad since the pandemic”, 14 September 2022. Machine translation of a Chinese-language report; title and date inferred from the text.");
        var brief = Note("Lianhe Zaobao, 14 September 2022.");
        var oneLine = Note("Xinhua, 4 December 2023.");
        Assert.True(full.Lines.Count > 1);
        context.Footnotes.Define(1, full, brief);
        context.Footnotes.Define(2, oneLine);
        context.Footnotes.BeginPage();
        float firstPage = context.Footnotes.CostOf([1, 2], null);
        Assert.Equal(full.Height + oneLine.Height + 2 * FootnoteArea.NoteGap + FootnoteArea.SeparatorHeight, firstPage, 2);
        context.Footnotes.Place([1, 2]);

        // Page 2 cites both again: the long note in short form, the one-line note in full as before.
        context.Footnotes.BeginPage();
        float later = context.Footnotes.CostOf([1, 2], null);
        Assert.Equal(brief.Height + oneLine.Height + 2 * FootnoteArea.NoteGap + FootnoteArea.SeparatorHeight, later, 2);
        context.Footnotes.Place([1, 2]);
        Assert.Equal(later, context.Footnotes.Height, 2);
    }

    [Theory]
    [InlineData("Lianhe Zaobao, “Xi Jinping arrives in Kazakhstan. A first trip abroad”, 14 September 2022. Machine translation; outlet inferred.", "Lianhe Zaobao, 14 September 2022.")]
    [InlineData("Xinhua, “Xi meets Lukashenko”, 4 December 2023; TASS, “Lukashenko in Beijing”, 5 December 2023. https://example.org/a Russian.", "Xinhua, 4 December 2023; TASS, 5 December 2023.")]
    [InlineData("U.S. Department of State, “Readout”, 1 March 2023. Issued in Washington.", "U.S. Department of State, 1 March 2023.")]
    public void The_short_form_of_a_note_is_each_source_and_date_without_title_or_comment(string note, string expected)
    {
        var footnote = new Footnote(1, "a", [new Paragraph([new Briefings.Documents.Text(note)])]);
        Assert.Equal(expected, NoteShortForm.Of(footnote));
    }

    private static LayoutContext PageContext(float bodyHeight)
    {
        var context = Context();
        context.BodyHeight = bodyHeight;
        return context;
    }

    private static TableElement SmallTable(int rows) =>
        new([1f, 2f],
            [[new TextBlockElement([new TextSpan("Since", Styles.TableHeader)], TextAlignment.Left, 1.3f), new TextBlockElement([new TextSpan("Level", Styles.TableHeader)], TextAlignment.Left, 1.3f)]],
            Enumerable.Range(0, rows).Select(_ => new[] { Lines(1), Lines(1) }).ToList(),
            new TableLook(SkiaSharp.SKColors.Navy, null, SkiaSharp.SKColors.Gray, 0.5f, 4));

    [Fact]
    public void A_call_out_of_a_few_items_moves_whole_to_the_next_page_rather_than_split()
    {
        // A boxed call-out of six lines; four fit here. It fits whole on an empty page, so nothing goes here.
        var context = PageContext(700);
        var callout = new KeepTogetherElement(new BoxElement(new ColumnElement([Lines(2), Lines(2), Lines(2)])) { PaddingTop = 8, PaddingBottom = 6 });
        var plan = callout.Measure(context, 400, 4.5f * LineHeight + 14);
        Assert.Equal(PlanKind.Nothing, plan.Kind);
        Assert.Contains("kept together", plan.Reason);
        Assert.Equal(PlanKind.All, callout.Measure(context, 400, 700).Kind);
    }

    [Fact]
    public void A_call_out_taller_than_a_page_still_splits()
    {
        var context = PageContext(10 * LineHeight);
        var callout = new KeepTogetherElement(new BoxElement(new ColumnElement([Lines(30)])));
        var plan = callout.Measure(context, 400, 6.5f * LineHeight);
        Assert.Equal(PlanKind.Partial, plan.Kind);
        Assert.Equal(6 * LineHeight, plan.Height, 2);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void A_table_of_two_or_three_rows_is_not_split(int rows)
    {
        var context = PageContext(700);
        var table = new KeepTogetherElement(SmallTable(rows));
        float rowHeight = LineHeight + 8, headerHeight = Styles.TableHeader.Size * 1.3f + 8;
        // Room for the header and all rows but the last.
        var plan = table.Measure(context, 400, headerHeight + (rows - 1) * rowHeight + rowHeight / 2);
        Assert.Equal(PlanKind.Nothing, plan.Kind);
        var whole = table.Measure(context, 400, headerHeight + rows * rowHeight + 1);
        Assert.Equal(PlanKind.All, whole.Kind);
    }

    [Fact]
    public void A_table_does_not_start_at_a_page_foot_with_one_row()
    {
        float rowHeight = LineHeight + 8, headerHeight = Styles.TableHeader.Size * 1.3f + 8;
        float room = headerHeight + 1.5f * rowHeight;   // the header and one row and a half

        // Below other content: the table waits for the next page rather than leave one row here.
        var below = PageContext(700);
        below.PageHasContent = true;
        var plan = SmallTable(6).Measure(below, 400, room);
        Assert.Equal(PlanKind.Nothing, plan.Kind);
        Assert.Contains("fewer than 2 rows", plan.Reason);

        // With room for two rows it starts here; on an empty page it splits where it must.
        Assert.Equal(PlanKind.Partial, SmallTable(6).Measure(below, 400, headerHeight + 2.5f * rowHeight).Kind);
        Assert.Equal(PlanKind.Partial, SmallTable(6).Measure(PageContext(700), 400, room).Kind);

        // A table continued from an earlier page goes on with whatever fits.
        var continued = SmallTable(6);
        var first = PageContext(700);
        continued.Draw(first, 0, 0, 400, headerHeight + 3.5f * rowHeight);
        var next = PageContext(700);
        next.PageHasContent = true;
        Assert.Equal(PlanKind.Partial, continued.Measure(next, 400, room).Kind);
    }

    [Fact]
    public void A_key_value_list_of_three_lines_is_not_split()
    {
        var context = PageContext(700);
        RowElement Pair() => new([Lines(1), Lines(1)], w => [w / 3, 2 * w / 3]);
        var list = new KeepTogetherElement(new ColumnElement([Pair(), Pair(), Pair()]));
        Assert.Equal(PlanKind.Nothing, list.Measure(context, 400, 2.5f * LineHeight).Kind);
        Assert.Equal(PlanKind.All, list.Measure(context, 400, 3 * LineHeight + 1).Kind);
    }

    [Fact]
    public void A_quote_keeps_its_attribution_and_moves_whole()
    {
        var context = PageContext(700);
        var words = Lines(3);
        words.KeepWithNext = true;
        var attribution = new TextBlockElement([new TextSpan("— The Wall Street Journal", Styles.Body)], TextAlignment.Right, 1.35f);
        var quote = new KeepTogetherElement(new BoxElement(new ColumnElement([words, attribution])));
        // The three quoted lines fit, the attribution does not: the quote goes to the next page whole.
        Assert.Equal(PlanKind.Nothing, quote.Measure(context, 400, 3.5f * LineHeight).Kind);
        Assert.Equal(PlanKind.All, quote.Measure(context, 400, 4 * LineHeight + 1).Kind);
    }

    [Fact]
    public void A_single_trailing_line_is_not_carried_alone_to_a_new_page()
    {
        // The page holds a long paragraph, a short one and a heading, but not the one-line paragraph that ends
        // the document: the short paragraph and the heading go over with it.
        var heading = new TextBlockElement([new TextSpan("Biographies", Styles.Heading(2))], TextAlignment.Left, 1.25f) { KeepWithNext = true, Splittable = false };
        var column = new ColumnElement([Lines(20), Lines(3), heading, Lines(1)]) { IsPageBody = true };
        float headingHeight = heading.Measure(Context(), 400, 1000).Height;
        float space = 23 * LineHeight + headingHeight + 0.5f * LineHeight;
        var plan = column.Measure(Context(), 400, space);
        Assert.Equal(PlanKind.Partial, plan.Kind);
        Assert.Equal(20 * LineHeight, plan.Height, 1);

        // The same when the line ends a section: the next heading follows it.
        var next = new TextBlockElement([new TextSpan("Key messages", Styles.Heading(1))], TextAlignment.Left, 1.25f) { KeepWithNext = true, Splittable = false };
        var section = new ColumnElement([Lines(20), Lines(3), heading, Lines(1), next, Lines(5)]) { IsPageBody = true };
        Assert.Equal(20 * LineHeight, section.Measure(Context(), 400, space).Height, 1);

        // Two trailing lines may go over on their own.
        var two = new ColumnElement([Lines(20), Lines(3), heading, Lines(2)]) { IsPageBody = true };
        Assert.Equal(23 * LineHeight, two.Measure(Context(), 400, space).Height, 1);
    }

    [Fact]
    public void The_end_of_a_section_goes_to_a_new_page_with_at_least_three_lines()
    {
        // Twelve lines, room for ten and a half: the widow rule alone would carry two; the section's end takes three.
        var paragraph = Lines(12);
        var column = new ColumnElement([paragraph]) { IsPageBody = true };
        var context = PageContext(700);
        var plan = column.Measure(context, 400, 10.5f * LineHeight);
        Assert.Equal(PlanKind.Partial, plan.Kind);
        Assert.Equal(9 * LineHeight, plan.Height, 1);
        Assert.Equal(9 * LineHeight, column.Draw(context, 0, 0, 400, 10.5f * LineHeight), 1);
        Assert.Equal(3, paragraph.RemainingLines(context, 400));

        // A following short paragraph (or a one-line list) that ends the document: the paragraph before it
        // leaves two of its lines to go over with it.
        var heading = new TextBlockElement([new TextSpan("Context", Styles.Heading(2))], TextAlignment.Left, 1.25f) { KeepWithNext = true, Splittable = false };
        RowElement Item() => new([Lines(1), Lines(1)], w => [60, w - 60]);
        foreach (Element tail in new Element[] { Lines(1), Item() })
        {
            var section = new ColumnElement([heading, Lines(12), tail]) { IsPageBody = true };
            heading.Reset();
            float headingHeight = heading.Measure(Context(), 400, 1000).Height;
            var split = section.Measure(PageContext(700), 400, headingHeight + 12.5f * LineHeight);
            Assert.Equal(PlanKind.Partial, split.Kind);
            Assert.Equal(headingHeight + 10 * LineHeight, split.Height, 1);
        }

        // The same before the next section's heading; three trailing lines go over on their own.
        var next = new TextBlockElement([new TextSpan("Key messages", Styles.Heading(1))], TextAlignment.Left, 1.25f) { KeepWithNext = true, Splittable = false };
        Assert.Equal(10 * LineHeight, new ColumnElement([Lines(12), Lines(2), next, Lines(5)]) { IsPageBody = true }
            .Measure(PageContext(700), 400, 12.5f * LineHeight).Height, 1);
        Assert.Equal(12 * LineHeight, new ColumnElement([Lines(12), Lines(3)]) { IsPageBody = true }
            .Measure(PageContext(700), 400, 12.5f * LineHeight).Height, 1);

        // A paragraph too short to leave lines (three: two must stay, two must go) goes over whole.
        Assert.Equal(20 * LineHeight, new ColumnElement([Lines(20), Lines(3), Lines(2)]) { IsPageBody = true }
            .Measure(PageContext(700), 400, 24.5f * LineHeight).Height, 1);
    }

    [Fact]
    public void Table_columns_hold_their_dates_on_one_line_and_give_long_text_the_room()
    {
        // Declared widths starve the occasion (as a template's guess might): the content decides instead.
        TextBlockElement Cell(string text) => new([new TextSpan(Typography.NoBreaks(text), Styles.Table)], TextAlignment.Left, 1.3f);
        var rows = new List<TextBlockElement[]>
        {
            new[] { Cell("22 September 2023"), Cell("talks on the sidelines (Opening of the 19th Asian Games in Hangzhou)"), Cell(string.Join(" ", Enumerable.Repeat("The two sides announced the establishment of a strategic partnership.", 4))) },
            new[] { Cell("4 December 2023"), Cell("working visit"), Cell("none recorded") },
        };
        var table = new TableElement([1f, 0.5f, 6f], [], rows, new TableLook(SkiaSharp.SKColors.Navy, null, SkiaSharp.SKColors.Gray, 0.5f, 4));
        var context = Context();
        table.Draw(context, 0, 0, 450, 1000);
        Assert.All(rows, r => Assert.Single(r[0].CurrentLayout!.Lines));
        Assert.True(rows[0][1].CurrentLayout!.Lines.Count <= 4, $"the occasion takes {rows[0][1].CurrentLayout!.Lines.Count} lines");
        Assert.True(table.IsDone);
    }

    [Theory]
    [InlineData("cooperation", "co-oper-a-tion")]
    [InlineData("comprehensive", "com-pre-hens-ive")]
    [InlineData("partnership", "part-ner-ship")]
    [InlineData("development", "de-vel-op-ment")]
    public void Words_hyphenate_at_the_points_of_the_british_english_patterns(string word, string expected)
    {
        var points = Briefings.Pdf.Text.Hyphenation.Hyphenator.EnGb.Points(word);
        var pieces = new List<string>();
        int last = 0;
        foreach (var point in points)
        {
            pieces.Add(word[last..point]);
            last = point;
        }
        pieces.Add(word[last..]);
        Assert.Equal(expected, string.Join("-", pieces));
    }

    [Fact]
    public void Pattern_files_are_read_whatever_the_length_of_a_pattern()
    {
        // A short pattern and one of 80 letters (longer than the parser's buffers): both take effect.
        var longWord = new string('x', 40) + new string('y', 40);
        var text = "UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 2\n% a comment\nab1cd\n" + new string('x', 40) + "1" + new string('y', 40) + "\n";
        var hyphenator = Briefings.Pdf.Text.Hyphenation.Hyphenator.Parse(text);
        Assert.Equal([2], hyphenator.Points("abcd"));
        Assert.Equal([40], hyphenator.Points(longWord));
    }

    [Theory]
    [InlineData("en-US", "US")]
    [InlineData("en-us", "US")]
    [InlineData("en-GB", "GB")]
    [InlineData("en", "GB")]
    [InlineData(null, "GB")]
    [InlineData("fr", null)]
    public void Hyphenation_follows_the_document_language(string? language, string? expected)
    {
        var hyphenator = Briefings.Pdf.Text.Hyphenation.Hyphenator.For(language);
        Assert.Same(expected switch
        {
            "US" => Briefings.Pdf.Text.Hyphenation.Hyphenator.EnUs,
            "GB" => Briefings.Pdf.Text.Hyphenation.Hyphenator.EnGb,
            _ => null,
        }, hyphenator);
    }

    [Theory]
    [InlineData("presidency", "pres-i-dency", "pres-id-ency")]
    [InlineData("strategic", "strate-gic", "stra-tegic")]
    [InlineData("comprehensive", "com-pre-hen-sive", "com-pre-hens-ive")]
    [InlineData("hyphenation", "hy-phen-ation", "hy-phen-a-tion")]
    public void American_and_british_patterns_break_words_each_their_own_way(string word, string american, string british)
    {
        string Hyphenated(Briefings.Pdf.Text.Hyphenation.Hyphenator hyphenator)
        {
            var pieces = new List<string>();
            int last = 0;
            foreach (var point in hyphenator.Points(word))
            {
                pieces.Add(word[last..point]);
                last = point;
            }
            pieces.Add(word[last..]);
            return string.Join("-", pieces);
        }
        Assert.Equal(american, Hyphenated(Briefings.Pdf.Text.Hyphenation.Hyphenator.EnUs));
        Assert.Equal(british, Hyphenated(Briefings.Pdf.Text.Hyphenation.Hyphenator.EnGb));
    }

    [Fact]
    public void A_word_too_long_for_its_cell_breaks_with_a_hyphen_at_a_pattern_point_never_between_any_two_letters()
    {
        var layout = TextLayout.Create([new TextSpan("cooperation", Styles.Body)], 40, TextAlignment.Left, 1.35f, Fonts, new ProblemLog());
        Assert.True(layout.Lines.Count >= 2);
        var pieces = layout.Lines.Select(l => string.Concat(l.Tokens.Select(t => t.Text))).ToList();
        Assert.All(pieces.Take(pieces.Count - 1), p => Assert.EndsWith("-", p));
        Assert.Equal("cooperation", string.Concat(pieces).Replace("-", ""));
        Assert.All(layout.Lines, l => Assert.True(l.Right <= 40.01f));
    }

    [Fact]
    public void A_loose_justified_line_takes_part_of_the_next_word_hyphenated()
    {
        var text = "The two sides agreed to maintain strategic coordination and comprehensive cooperation in infrastructure development.";
        var layout = TextLayout.Create([new TextSpan(text, Styles.Body)], 150, TextAlignment.Justify, 1.35f, Fonts, new ProblemLog());
        Assert.Contains(layout.Lines, l => l.Tokens[^1].Text.EndsWith('-'));
        foreach (var line in layout.Lines.Take(layout.Lines.Count - 1))
            Assert.True(150 - line.Tokens.Where((t, i) => i < line.Tokens.Length - 1).Sum(t => t.Width + t.SpaceAfter) - line.Tokens[^1].Width < 0.5f * 150);
    }

    [Fact]
    public void Key_messages_and_points_to_make_stay_together_when_they_fit_on_a_page()
    {
        // Two call-outs in a row: the first fits here, the second does not; both start the next page.
        var document = new Document(SampleBriefs.Metadata(),
        [
            new Paragraph([new Briefings.Documents.Text(string.Join(" ", Enumerable.Repeat("Background sentence for the brief.", 150)))]),
            new Callout("points", "Key messages", [new Paragraph([new Briefings.Documents.Text("Political trust has grown.")])]),
            new Callout("agenda", "Points to make", [new Paragraph([new Briefings.Documents.Text("Belt and Road cooperation.")])]),
        ], []);
        var body = new ElementBuilder(document, Styles).BuildBody();
        Assert.Equal(2, body.Children.Count);
        var context = PageContext(700);
        var group = body.Children[1];
        float whole = group.Measure(context, 400, 700).Height;
        var plan = group.Measure(context, 400, whole - 20);
        Assert.Equal(PlanKind.Nothing, plan.Kind);
        Assert.Contains("kept together", plan.Reason);
    }

    [Fact]
    public void A_call_out_s_kind_selects_its_colours()
    {
        var document = new Document(SampleBriefs.Metadata(),
        [
            new Callout("warning", "Avoid", [new Paragraph([new Briefings.Documents.Text("Sanctions questions.")])]),
            new Paragraph([new Briefings.Documents.Text("Between.")]),
            new Callout("points", "Key messages", [new Paragraph([new Briefings.Documents.Text("Trust.")])]),
        ], []);
        var body = new ElementBuilder(document, Styles).BuildBody();
        BoxElement Box(int i) => Assert.IsType<BoxElement>(Assert.IsType<KeepTogetherElement>(body.Children[i]).Content);
        Assert.Equal(PdfStyles.Colour("#FDF3E1"), Box(0).Background);
        Assert.Equal(Styles.CalloutBackground, Box(2).Background);
    }

    [Fact]
    public void A_word_longer_than_the_line_is_broken_between_characters()
    {
        var url = "https://www.mfa.gov.cn/eng/zxxx_662805/202312/t20231204_11194735.html?source=briefing&lang=en";
        var layout = TextLayout.Create([new TextSpan(url, Styles.Body)], 120, TextAlignment.Left, 1.35f, Fonts, new ProblemLog());
        Assert.True(layout.Lines.Count >= 3);
        Assert.All(layout.Lines, l => Assert.True(l.Right <= 120.01f, $"line ends at {l.Right}"));
        Assert.Equal(url, string.Concat(layout.Lines.SelectMany(l => l.Tokens).Select(t => t.Text)));
    }

    [Fact]
    public void Nothing_fits_in_too_little_space_and_says_why()
    {
        var plan = new ColumnElement([Lines(5)]).Measure(Context(), 400, 3);
        Assert.Equal(PlanKind.Nothing, plan.Kind);
        Assert.False(string.IsNullOrEmpty(plan.Reason));
    }
}
