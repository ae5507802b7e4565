using Briefings.Documents;
using Briefings.Markdown;
using Xunit;

namespace Briefings.Packs.Tests;

public class MarkdownReaderTests
{
    private const string FrontMatter = "---\ntitle: A brief\n---\n";

    private static Document Read(string body) => MarkdownReader.Read(FrontMatter + body, "test.md");

    private static MarkdownReadException Fails(string markdown) =>
        Assert.Throws<MarkdownReadException>(() => MarkdownReader.Read(markdown, "templates/t.sbn"));

    [Fact]
    public void FrontMatterBecomesMetadataWithCoverFieldsInOrder()
    {
        var document = MarkdownReader.Read("""
            ---
            title: "Visit: Lukashenko"
            subtitle: Working visit
            date: 2023-12-04
            marking: OFFICIAL
            language: en-GB
            audience: public
            author: Desk
            subject: Belarus
            keywords: [Belarus, visit]
            cover:
              - Meeting: 4 December 2023
              - Place: Beijing
            ---
            Text.
            """, "t.md");
        var m = document.Metadata;
        Assert.Equal("Visit: Lukashenko", m.Title);
        Assert.Equal("Working visit", m.Subtitle);
        Assert.Equal(new DateOnly(2023, 12, 4), m.Date);
        Assert.Equal("OFFICIAL", m.Marking);
        Assert.Equal("en-GB", m.Language);
        Assert.Equal("public", m.Audience);
        Assert.Equal("Desk", m.Author);
        Assert.Equal("Belarus", m.Subject);
        Assert.Equal(["Belarus", "visit"], m.Keywords);
        Assert.Equal(["Meeting", "Place"], m.CoverFields.Select(f => f.Key));
        Assert.Equal("Beijing", m.CoverFields[1].Value);
    }

    [Fact]
    public void MissingFrontMatterAndUnknownKeysAreErrors()
    {
        Assert.Contains(Fails("# Heading\n").Problems, p => p.StartsWith("templates/t.sbn:1:1: error MD001:") && p.Contains("front matter"));
        var problems = Fails("---\ntitle: x\ntitel: y\ndate: 4 Dec\n---\n").Problems;
        Assert.Contains(problems, p => p.StartsWith("templates/t.sbn:3:1: error MD001: unknown front matter key 'titel'"));
        Assert.Contains(problems, p => p.StartsWith("templates/t.sbn:4:") && p.Contains("not an ISO date"));
        Assert.DoesNotContain(problems, p => p.Contains("no YAML front matter"));
    }

    [Fact]
    public void HeadingsGetStableUniqueIds()
    {
        var headings = Read("# Key messages\n\n## Key messages\n\n### Ünïcode — Gusmão\n\n#### Deep\n\n# Named {#custom-id}\n")
            .Headings().ToList();
        Assert.Equal(["key-messages", "key-messages-2", "unicode-gusmao", "deep", "custom-id"], headings.Select(h => h.Id));
        Assert.Equal([1, 2, 3, 3, 1], headings.Select(h => h.Level));
        Assert.Equal("Named", headings[^1].PlainText);
    }

    [Fact]
    public void DuplicateExplicitHeadingIdIsAnError()
    {
        Assert.Contains(Fails(FrontMatter + "# A {#same}\n\n# B {#same}\n").Problems, p => p.StartsWith("templates/t.sbn:6:1: error MD003: heading id 'same' is used twice"));
    }

    [Fact]
    public void TypographyIsCleanedOnceForTheWholeTreeButNotInCodeOrUrls()
    {
        var document = Read("""
            He said "a partnership with *"no limits"*" and Putin's reply came on 15-16 September 2022, 40 km away; see `a "code" 1-2` and https://example.org/a-1-2?'x'.

            | Date | Note |
            |--|--|
            | 4 December 2023 | 'quoted' |

            [^n]

            [^n]: Xinhua, "Talks", 4 Dec 2023.
            """);
        var paragraph = Assert.IsType<Paragraph>(document.Blocks[0]);
        string text = paragraph.Content.ToPlainText();
        Assert.Contains("He said “a partnership with “no limits”” and Putin’s reply came on 15\u201316 September 2022, 40 km away", text);
        Assert.Contains(paragraph.Content, i => i is Code { Value: "a \"code\" 1-2" });
        Assert.EndsWith("https://example.org/a-1-2?'x'.", text);
        var table = Assert.IsType<Table>(document.Blocks[1]);
        Assert.Equal("4 December 2023", table.BodyRows[0].Cells[0].Content.ToPlainText());
        Assert.Equal("‘quoted’", table.BodyRows[0].Cells[1].Content.ToPlainText());
        Assert.Equal("Xinhua, “Talks”, 4 Dec 2023.", document.Footnotes[0].Blocks.OfType<Paragraph>().Single().Content.ToPlainText());
    }

    [Theory]
    [InlineData("on 4 December 2023 in Beijing", "on 4\u00A0December\u00A02023 in Beijing")]
    [InlineData("15–16 September, Sept. 2022", "15–16\u00A0September, Sept.\u00A02022")]
    [InlineData("a 40 km road, up 3 per cent, 12 mothers", "a 40\u00A0km road, up 3\u00A0per cent, 12 mothers")]
    public void DatesAndNumbersWithUnitsGetNoBreakSpaces(string text, string expected) =>
        Assert.Equal(expected, Typography.NoBreaks(text));

    [Fact]
    public void InlinesKeepTheirStructure()
    {
        var paragraph = Assert.IsType<Paragraph>(Assert.Single(Read("Plain *em* **strong** `code` [link](https://example.org) [inside](#facts)  \nnext line").Blocks));
        var c = paragraph.Content;
        Assert.Equal(new Text("Plain "), c[0]);
        Assert.Equal(new Text("em"), Assert.Single(Assert.IsType<Emphasis>(c[1]).Content));
        Assert.Equal(new Text("strong"), Assert.Single(Assert.IsType<Strong>(c[3]).Content));
        Assert.Equal(new Code("code"), c[5]);
        var link = Assert.IsType<Link>(c[7]);
        Assert.Equal("https://example.org", link.Target);
        Assert.False(link.IsInternal);
        Assert.True(Assert.IsType<Link>(c[9]).IsInternal);
        Assert.Contains(c, i => i is LineBreak);
        Assert.Equal("Plain em strong code link inside next line", c.ToPlainText());
    }

    [Fact]
    public void AdjacentFootnoteMarksAreReportedNotLost()
    {
        // Markdig reads "[^a][^b]" as one reference; the note it swallows must be an error, never a silent loss.
        var e = Assert.Throws<MarkdownReadException>(() => Read("Two sources.[^a][^b]\n\n[^a]: Note A.\n[^b]: Note B.\n"));
        Assert.Contains(e.Problems, p => p.Contains("footnote [^a] is defined but never referenced"));
    }

    [Fact]
    public void FootnotesAreNumberedInOrderOfFirstReference()
    {
        var document = Read("One[^b] two[^a] three[^b].\n\n[^a]: Note A.\n[^b]: Note B.\n");
        var marks = Assert.IsType<Paragraph>(document.Blocks[0]).Content.OfType<FootnoteReference>().Select(f => f.Number);
        Assert.Equal([1, 2, 1], marks);
        Assert.Equal(2, document.Footnotes.Count);
        Assert.Equal("b", document.FindFootnote(1)!.Label);
        Assert.Equal("Note B.", Assert.IsType<Paragraph>(document.FindFootnote(1)!.Blocks[0]).Content.ToPlainText());
        Assert.Equal("a", document.FindFootnote(2)!.Label);
    }

    [Fact]
    public void UnreferencedFootnoteIsAnError()
    {
        Assert.Contains(Fails(FrontMatter + "Text[^a].\n\n[^a]: used\n[^b]: unused\n").Problems,
            p => p.StartsWith("templates/t.sbn:7:1: error MD004: footnote [^b] is defined but never referenced"));
    }

    [Fact]
    public void ListsNest()
    {
        var list = Assert.IsType<ListBlock>(Assert.Single(Read("3. three\n   - inner a\n   - inner b\n4. four\n").Blocks));
        Assert.True(list.Ordered);
        Assert.Equal(3, list.Start);
        Assert.Equal(2, list.Items.Count);
        var inner = Assert.IsType<ListBlock>(list.Items[0].Blocks[1]);
        Assert.False(inner.Ordered);
        Assert.Equal(["inner a", "inner b"], inner.Items.Select(i => Assert.IsType<Paragraph>(i.Blocks[0]).Content.ToPlainText()));
    }

    [Fact]
    public void TablesCarryHeaderAlignmentAndDeclaredWidths()
    {
        var table = Assert.IsType<Table>(Assert.Single(Read("{widths=\"2,1,3\"}\n| Date | Count | Outcome |\n|:--|:-:|--:|\n| 1 March | 2 | a \\| b |\n").Blocks));
        Assert.Equal([ColumnAlignment.Left, ColumnAlignment.Center, ColumnAlignment.Right], table.Columns.Select(c => c.Alignment));
        Assert.Equal([2.0, 1.0, 3.0], table.Columns.Select(c => c.RelativeWidth));
        Assert.Equal(["Date", "Count", "Outcome"], Assert.Single(table.HeaderRows).Cells.Select(c => c.Content.ToPlainText()));
        Assert.Equal("a | b", Assert.Single(table.BodyRows).Cells[2].Content.ToPlainText());
    }

    [Fact]
    public void TableWidthsFollowContentWhenNotDeclared()
    {
        var table = Assert.IsType<Table>(Assert.Single(Read("| A | B |\n|---|---|\n| short | a much longer cell with many words |\n").Blocks));
        Assert.True(table.Columns[1].RelativeWidth > table.Columns[0].RelativeWidth * 3);
    }

    [Fact]
    public void WrongNumberOfWidthsIsAnError()
    {
        Assert.Contains(Fails(FrontMatter + "{widths=\"1\"}\n| A | B |\n|---|---|\n| 1 | 2 |\n").Problems, p => p.Contains("gives 1 widths for 2 columns"));
    }

    [Fact]
    public void CalloutContainersBecomeCallouts()
    {
        var callout = Assert.IsType<Callout>(Assert.Single(Read("::: callout points Key messages\n- one\n- two\n:::\n").Blocks));
        Assert.Equal("points", callout.Kind);
        Assert.Equal("Key messages", callout.Title);
        Assert.Equal(2, Assert.IsType<ListBlock>(Assert.Single(callout.Blocks)).Items.Count);
        Assert.Null(Assert.IsType<Callout>(Assert.Single(Read("::: callout warning\nText\n:::\n").Blocks)).Title);
    }

    [Fact]
    public void UnknownContainersAreErrors()
    {
        Assert.Contains(Fails(FrontMatter + "::: sidebar\nx\n:::\n").Problems, p => p.StartsWith("templates/t.sbn:4:1: error MD005: unknown container"));
    }

    [Fact]
    public void QuotesTakeATrailingDashLineAsAttribution()
    {
        var quote = Assert.IsType<Quote>(Assert.Single(Read("> Belarus is a reliable partner.\n>\n> — Alexander Lukashenko, *4 December 2023*\n").Blocks));
        Assert.Equal("Belarus is a reliable partner.", Assert.IsType<Paragraph>(Assert.Single(quote.Blocks)).Content.ToPlainText());
        Assert.Equal("Alexander Lukashenko, 4 December 2023", quote.Attribution!.ToPlainText());

        var sameParagraph = Assert.IsType<Quote>(Assert.Single(Read("> Words said.\n> — Speaker\n").Blocks));
        Assert.Equal("Speaker", sameParagraph.Attribution!.ToPlainText());
        Assert.Equal("Words said.", Assert.IsType<Paragraph>(Assert.Single(sameParagraph.Blocks)).Content.ToPlainText());

        Assert.Null(Assert.IsType<Quote>(Assert.Single(Read("> No attribution here.\n").Blocks)).Attribution);
    }

    [Fact]
    public void DefinitionListsBecomeKeyValueLists()
    {
        var list = Assert.IsType<DefinitionList>(Assert.Single(Read("Capital\n:   Astana\n\nRegion\n:   Central Asia\n").Blocks));
        Assert.Equal(["Capital", "Region"], list.Items.Select(i => i.Term.ToPlainText()));
        Assert.Equal("Astana", Assert.IsType<Paragraph>(Assert.Single(list.Items[0].Definition)).Content.ToPlainText());
    }

    [Fact]
    public void RulesPageBreaksAndContentsMarkers()
    {
        var blocks = Read("[[contents]]\n\nText\n\n---\n\n[[pagebreak]]\n\n[[contents 3 In this brief]]\n").Blocks;
        Assert.Equal(new TableOfContents("Contents", 2), blocks[0]);
        Assert.IsType<Rule>(blocks[2]);
        Assert.IsType<PageBreak>(blocks[3]);
        Assert.Equal(new TableOfContents("In this brief", 3), blocks[4]);
    }

    [Fact]
    public void EscapedMarkerIsOnlyText()
    {
        var paragraph = Assert.IsType<Paragraph>(Assert.Single(Read("\\[\\[pagebreak\\]\\]\n").Blocks));
        Assert.Equal("[[pagebreak]]", paragraph.Content.ToPlainText());
    }

    [Fact]
    public void EverythingTheTreeCannotHoldIsReportedAtOnceWithLines()
    {
        var problems = Fails(FrontMatter + "Text <b>bold</b>\n\n![chart](c.png)\n\n[x](javascript:alert(1))\n\n<div>\nblock\n</div>\n\n    indented code\n\n[[frobnicate]]\n").Problems;
        Assert.Contains(problems, p => p.StartsWith("templates/t.sbn:4:6: error MD002: raw HTML '<b>'"));
        // The rendered Markdown is never written when reading fails, so each message quotes its line.
        Assert.Contains(problems, p => p.StartsWith("templates/t.sbn:4:6:") && p.EndsWith("(line: \"Text <b>bold</b>\")"));
        Assert.Contains(problems, p => p.StartsWith("templates/t.sbn:6:1: error MD002: images are not supported"));
        Assert.Contains(problems, p => p.StartsWith("templates/t.sbn:8:1: error MD007: link target 'javascript:alert(1)'"));
        Assert.Contains(problems, p => p.StartsWith("templates/t.sbn:10:1: error MD002: raw HTML is not supported"));
        Assert.Contains(problems, p => p.StartsWith("templates/t.sbn:14:1: error MD002: code blocks are not supported"));
        Assert.Contains(problems, p => p.StartsWith("templates/t.sbn:16:1: error MD005: unknown marker '[[frobnicate]]'"));
    }
}
