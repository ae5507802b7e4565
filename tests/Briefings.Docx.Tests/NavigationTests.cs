using Briefings.Documents;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Briefings.Docx.Tests;

public class NavigationTests
{
    private static Dictionary<string, string> HeadingBookmarks(WordprocessingDocument word) =>
        Read.Body(word).Descendants<W.Paragraph>()
            .Where(p => Read.Style(p)?.StartsWith("Heading") == true)
            .ToDictionary(p => Read.Text(p), p => p.Elements<W.BookmarkStart>().Single().Name!.Value!);

    [Fact]
    public void Every_heading_carries_a_bookmark_spanning_its_text()
    {
        var document = SampleDocuments.VisitBrief();
        using var word = Render.Open(document);
        var headings = Read.Body(word).Descendants<W.Paragraph>().Where(p => Read.Style(p)?.StartsWith("Heading") == true).ToList();
        Assert.Equal(document.Headings().Select(h => (h.PlainText, $"Heading{h.Level}")), headings.Select(p => (Read.Text(p), Read.Style(p)!)));
        foreach (var heading in headings)
        {
            var start = heading.Elements<W.BookmarkStart>().Single();
            Assert.Equal(start.Id!.Value, heading.Elements<W.BookmarkEnd>().Single().Id!.Value);
        }
        Assert.Equal("history", HeadingBookmarks(word)["Previous meetings"]);
    }

    [Fact]
    public void Bookmark_names_are_legal_Word_names_and_unique()
    {
        using var word = Render.Open(SampleDocuments.EdgeCases());
        var names = HeadingBookmarks(word).Values.ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.Matches("^[A-Za-z][A-Za-z0-9_]{0,39}$", n));
        Assert.Contains("dup_1", names);
        Assert.Contains("dup_1_2", names);
    }

    [Fact]
    public void Internal_links_jump_to_the_heading_bookmark()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var link = Read.Body(word).Descendants<W.Hyperlink>().Single(h => Read.Text(h) == "previous meetings");
        Assert.Equal(HeadingBookmarks(word)["Previous meetings"], link.Anchor?.Value);
        Assert.Equal("Hyperlink", link.Descendants<W.RunStyle>().Single().Val?.Value);
    }

    [Fact]
    public void External_links_are_relationships_including_links_in_headings_and_footnotes()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var main = word.MainDocumentPart!;
        string TargetOf(OpenXmlPart part, W.Hyperlink link) => part.HyperlinkRelationships.Single(r => r.Id == link.Id).Uri.OriginalString;
        var readout = Read.Body(word).Descendants<W.Hyperlink>().Single(h => Read.Text(h) == "ministry's readout");
        Assert.Equal("https://www.fmprc.gov.cn/eng/", TargetOf(main, readout));
        var inHeading = Read.Body(word).Descendants<W.Hyperlink>().Single(h => Read.Text(h) == "Gusmão");
        Assert.Equal("Heading3", Read.Style(inHeading.Ancestors<W.Paragraph>().Single()));
        Assert.Equal("https://en.wikipedia.org/wiki/Xanana_Gusm%C3%A3o", TargetOf(main, inHeading));
        var notes = main.FootnotesPart!;
        var inNote = notes.Footnotes!.Descendants<W.Hyperlink>().Single();
        Assert.Equal("https://www.belta.by/", TargetOf(notes, inNote));
        Assert.All(main.HyperlinkRelationships, r => Assert.True(r.IsExternal));
    }

    [Fact]
    public void Contents_field_already_lists_every_heading_as_a_link()
    {
        var document = SampleDocuments.VisitBrief();
        using var word = Render.Open(document);
        var contents = Read.Body(word).Descendants<W.SdtBlock>().Single();
        Assert.Equal("Table of Contents", contents.Descendants<W.DocPartGallery>().Single().Val?.Value);
        var instruction = contents.Descendants<W.FieldCode>().First().Text.Trim();
        Assert.Equal("TOC \\o \"1-3\" \\h \\z \\u", instruction);

        var paragraphs = contents.Descendants<W.Paragraph>().ToList();
        Assert.Equal("Contents", Read.Text(paragraphs[0]));
        Assert.Equal("TOCHeading", Read.Style(paragraphs[0]));
        var entries = paragraphs.Skip(1).ToList();
        var bookmarks = HeadingBookmarks(word);
        Assert.Equal(document.Headings().Select(h => (h.PlainText, $"TOC{h.Level}")), entries.Select(p => (EntryTitle(p), Read.Style(p)!)));
        Assert.All(entries, e => Assert.Equal(bookmarks[EntryTitle(e)], e.Elements<W.Hyperlink>().Single().Anchor?.Value));

        // The field opens before the first entry and closes after the last, so Word can replace the whole list.
        Assert.Equal(W.FieldCharValues.Begin, entries[0].Descendants<W.FieldChar>().First().FieldCharType?.Value);
        Assert.Equal(W.FieldCharValues.End, entries[^1].Descendants<W.FieldChar>().Last().FieldCharType?.Value);
    }

    private static string EntryTitle(W.Paragraph entry) => Read.Text(entry).Split('\t')[0];

    [Fact]
    public void Contents_entries_carry_a_dot_leader_and_a_PAGEREF_field_with_a_stored_page_number()
    {
        var document = SampleDocuments.VisitBrief();
        using var word = Render.Open(document);
        var contents = Read.Body(word).Descendants<W.SdtBlock>().Single();
        var entries = contents.Descendants<W.Paragraph>().Skip(1).ToList();
        var bookmarks = HeadingBookmarks(word);
        var pages = new List<int>();
        foreach (var entry in entries)
        {
            var link = entry.Elements<W.Hyperlink>().Single();
            var runs = link.Elements<W.Run>().ToList();
            var tab = runs.FindIndex(r => r.GetFirstChild<W.TabChar>() is not null);
            Assert.True(tab > 0);
            Assert.Equal(W.FieldCharValues.Begin, runs[tab + 1].GetFirstChild<W.FieldChar>()?.FieldCharType?.Value);
            Assert.Equal($"PAGEREF {bookmarks[EntryTitle(entry)]} \\h", runs[tab + 2].GetFirstChild<W.FieldCode>()?.Text.Trim());
            Assert.Equal(W.FieldCharValues.Separate, runs[tab + 3].GetFirstChild<W.FieldChar>()?.FieldCharType?.Value);
            pages.Add(int.Parse(Read.Text(runs[tab + 4]), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(W.FieldCharValues.End, runs[tab + 5].GetFirstChild<W.FieldChar>()?.FieldCharType?.Value);
        }
        // Cover on page 1, contents and the body from page 2 in order; the annex follows a page break.
        Assert.Equal(2, pages[0]);
        Assert.Equal(pages.Order(), pages);
        Assert.True(pages[^1] > pages[^2]);
        var tabStop = Read.StyleById(word, "TOC1").StyleParagraphProperties!.Tabs!.Elements<W.TabStop>().Single();
        Assert.Equal(W.TabStopLeaderCharValues.Dot, tabStop.Leader?.Value);
        // The numbers are estimates: Word is asked to recalculate the fields when it opens the file.
        Assert.True(word.MainDocumentPart!.DocumentSettingsPart!.Settings!.GetFirstChild<W.UpdateFieldsOnOpen>()?.Val?.Value);
    }

    [Fact]
    public void Stored_page_numbers_follow_the_text_that_fills_the_pages()
    {
        var longText = string.Join(" ", Enumerable.Repeat("The delegations reviewed trade, transport and education.", 18));
        var document = new Document(new DocumentMetadata { Title = "Pages" },
        [
            new TableOfContents("Contents", 1),
            new Heading(1, "a", [new Text("A")]),
            .. Enumerable.Range(0, 5).Select(_ => new Paragraph([new Text(longText)])),
            new Heading(1, "b", [new Text("B")]),
            new Paragraph([new Text("Short.")]),
            new PageBreak(),
            new Heading(1, "c", [new Text("C")]),
        ],
        []);
        using var word = Render.Open(document, new Theme { Cover = new CoverTheme { Enabled = false } });
        var contents = Read.Body(word).Descendants<W.SdtBlock>().Single();
        Assert.Equal(["A\t1", "B\t2", "C\t3"], contents.Descendants<W.Paragraph>().Skip(1).Select(Read.Text));
    }

    [Fact]
    public void Stored_page_numbers_count_figures_and_what_moves_whole()
    {
        // A4 with 72 pt margins: 698 pt of text; body lines 14.2 pt; a level-1 heading takes 44.1 pt at the top of a
        // page after a break (38.1 pt after a paragraph). Lines are broken at the body font's widths: eight sentences
        // make a paragraph of six lines (91.1 pt with its space after), seventeen one of twelve (176.1 pt).
        const string sentence = "The delegations reviewed trade, transport and education.";
        Paragraph Sentences(int count) => new([new Text(string.Join(" ", Enumerable.Repeat(sentence, count)))]);
        IEnumerable<Block> Fill(int paragraphs) => Enumerable.Range(0, paragraphs).Select(_ => Sentences(8));
        Heading H(string id) => new(1, id, [new Text(id.ToUpperInvariant())]);
        var figure = new Figure("Meetings by kind", "A chart.", new FigureSize(1, null, 0.6), new Drawing(100, 60, []));
        var callout = new Callout("points", "Points to make",
            [new ListBlock(false, 1, [.. Enumerable.Range(0, 8).Select(_ => new ListItem([new Paragraph([new Text(Sentences(3).Content.ToPlainText()[..120])])]))])]);
        var document = new Document(new DocumentMetadata { Title = "Pages" },
        [
            new TableOfContents("Contents", 1),
            new PageBreak(),
            // 590.7 pt, then a figure of 297.8 pt with its caption: not split, it goes to page 3, and B follows it there
            // (counted as nothing, B would be on page 2).
            H("a"), .. Fill(6), figure,
            H("b"),
            new PageBreak(),
            // 590.7 pt, then a call-out of 281.3 pt that fits on a page: it moves whole to page 5, where the four
            // paragraphs after it (645.7 pt in all) leave too little for D's heading and three lines (split, the
            // call-out would leave about 174 pt on page 5, and D would be there too).
            H("c"), .. Fill(6), callout, .. Fill(4),
            H("d"),
            new PageBreak(),
            // 519.7 pt, then a paragraph of twelve lines and the section's last line: the page breaks before the last
            // line, which takes the twelve lines with it (196.3 pt on page 8); F's section of 493.6 pt then leaves no
            // room for G's heading on page 8. (The last line alone on page 8, G would fit there.)
            H("e"), .. Fill(5), Sentences(1), Sentences(17), new Paragraph([new Text("A last line.")]),
            H("f"), .. Fill(5),
            H("g"),
        ],
        []);
        using var word = Render.Open(document, new Theme { Cover = new CoverTheme { Enabled = false } });
        var contents = Read.Body(word).Descendants<W.SdtBlock>().Single();
        Assert.Equal(["A\t2", "B\t3", "C\t4", "D\t6", "E\t7", "F\t8", "G\t9"], contents.Descendants<W.Paragraph>().Skip(1).Select(Read.Text));
    }

    [Fact]
    public void Contents_respects_its_depth_and_leaves_note_marks_out()
    {
        var document = new Document(new DocumentMetadata { Title = "Depth" },
        [
            new TableOfContents("Contents", 2),
            new Heading(1, "one", [new Text("One"), new FootnoteReference(1)]),
            new Heading(2, "two", [new Text("Two")]),
            new Heading(3, "three", [new Text("Three")]),
        ],
        [SampleDocuments.Footnote(1, "Source.")]);
        using var word = Render.Open(document);
        var contents = Read.Body(word).Descendants<W.SdtBlock>().Single();
        Assert.Equal(["Contents", "One", "Two"], contents.Descendants<W.Paragraph>().Select(EntryTitle));
        Assert.Contains("\\o \"1-2\"", string.Concat(contents.Descendants<W.FieldCode>().Select(c => c.Text)));
        Assert.Single(Read.Body(word).Descendants<W.FootnoteReference>());
    }
}
