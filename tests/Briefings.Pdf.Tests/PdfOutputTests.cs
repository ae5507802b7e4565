using System.Text;
using System.Text.RegularExpressions;
using Briefings.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Graphics.Operations.TextPositioning;
using UglyToad.PdfPig.Outline;
using Xunit;
using static Briefings.Pdf.Tests.SampleBriefs;

namespace Briefings.Pdf.Tests;

/// <summary>Renders documents to PDF and reads them back with PdfPig.</summary>
public class PdfOutputTests
{
    private static readonly Theme CjkTheme = new() { Fonts = new FontTheme { Fallback = [FixturePaths.CjkFont] } };

    private static byte[] Render(Document document, Theme? theme = null)
    {
        using var stream = new MemoryStream();
        new PdfDocumentWriter().Write(document, theme ?? new Theme(), stream);
        return stream.ToArray();
    }

    private static readonly Lazy<byte[]> Brief = new(() => Render(VisitBrief(tableRows: 80, withChinese: true), CjkTheme));

    private static string PageText(UglyToad.PdfPig.Content.Page page) =>
        string.Join(" ", page.GetWords().Select(w => w.Text));

    /// <summary>The page's text as lines (words grouped by baseline, left to right), leader dots dropped.</summary>
    private static List<string> Lines(UglyToad.PdfPig.Content.Page page) =>
        page.GetWords()
            .Where(w => w.Text.Trim('.').Length > 0)
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))
            .ToList();

    [Fact]
    public void Writer_is_registered_as_pdf() => Assert.Equal("pdf", new PdfDocumentWriter().Format);

    [Fact]
    public void Contents_page_numbers_are_the_pages_where_the_headings_are()
    {
        using var pdf = PdfDocument.Open(Brief.Value);
        var contents = pdf.GetPages().First(p => PageText(p).Contains("Contents"));
        var entries = Lines(contents)
            .Select(l => Regex.Match(l, @"^(.+?) (\d+)$"))
            .Where(m => m.Success && !Regex.IsMatch(m.Groups[1].Value, @"Page \d+ of|^As of "))
            .Select(m => (Title: m.Groups[1].Value, Page: int.Parse(m.Groups[2].Value)))
            .ToList();
        var headings = VisitBrief(tableRows: 80, withChinese: true).Headings().Where(h => h.Level <= 2).ToList();
        Assert.Equal(headings.Select(h => h.PlainText), entries.Select(e => e.Title));
        int checkedEntries = 0;
        for (int i = 0; i < headings.Count; i++)
        {
            // The heading is on the listed page, and (for repeated titles) not before its predecessor's page.
            Assert.Contains(headings[i].PlainText, PageText(pdf.GetPage(entries[i].Page)));
            if (i > 0)
                Assert.True(entries[i].Page >= entries[i - 1].Page);
            checkedEntries++;
        }
        Assert.True(checkedEntries >= 10);
    }

    [Fact]
    public void An_80_row_table_spans_pages_with_its_header_repeated()
    {
        using var pdf = PdfDocument.Open(Brief.Value);
        var rowPages = pdf.GetPages().Where(p => Regex.IsMatch(PageText(p), @"\b20\d\d-\d\d-\d\d\b")).ToList();
        Assert.True(rowPages.Count >= 2, "the timeline should span at least two pages");
        foreach (var page in rowPages)
        {
            var words = page.GetWords().Select(w => w.Text).ToList();
            Assert.Contains("Date", words);
            Assert.Contains("Documents", words);
        }
        // Every row is printed exactly once.
        var dates = rowPages.SelectMany(p => Regex.Matches(PageText(p), @"\b20\d\d-\d\d-\d\d\b").Select(m => m.Value)).ToList();
        Assert.Equal(80, dates.Count);
        Assert.Equal(80, dates.Distinct().Count());
    }

    [Fact]
    public void Every_page_says_page_x_of_y_and_carries_the_marking()
    {
        using var pdf = PdfDocument.Open(Brief.Value);
        int total = pdf.NumberOfPages;
        Assert.True(total > 5);
        foreach (var page in pdf.GetPages())
        {
            var text = PageText(page);
            Assert.Contains($"Page {page.Number} of {total}", text);
            Assert.Equal(2, Regex.Matches(text, "OFFICIAL — INTERNAL USE ONLY").Count);
        }
    }

    [Fact]
    public void The_outline_has_an_entry_per_heading_nested_by_level()
    {
        using var pdf = PdfDocument.Open(Brief.Value);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var all = bookmarks.GetNodes().ToList();
        var headings = VisitBrief(tableRows: 80, withChinese: true).Headings().ToList();
        Assert.Equal(headings.Count, all.Count);
        Assert.Equal(headings.Count(h => h.Level == 1), bookmarks.Roots.Count);
        var background = bookmarks.Roots.Single(b => b.Title == "Background");
        Assert.Equal(["What was said", "Outcomes"], background.Children.Select(c => c.Title));
        // Bookmarks open the page the heading is on.
        foreach (var node in all.OfType<DocumentBookmarkNode>())
            Assert.Contains(node.Title, PageText(pdf.GetPage(node.PageNumber)));
    }

    [Fact]
    public void Chinese_text_renders_with_the_configured_fallback_font()
    {
        using var pdf = PdfDocument.Open(Brief.Value);
        var page = pdf.GetPages().First(p => PageText(p).Contains("ministry's"));
        var letters = page.Letters.Where(l => l.Value.Length > 0 && "习近平".Contains(l.Value)).ToList();
        Assert.True(letters.Count == 3, string.Join(" | ", page.Letters.Where(l => l.Value.Any(c => c > 0x2E80) || (l.FontName ?? "").Contains("Droid")).Select(l => $"{l.Value}:{l.FontName}")));
        Assert.Equal(3, letters.Count);
        Assert.All(letters, l => Assert.Contains("DroidSansFallback", l.FontName ?? ""));
        Assert.Contains("习近平", page.Text);
    }

    [Fact]
    public void A_character_no_font_can_draw_is_a_clear_error_naming_the_text_and_the_fonts()
    {
        var document = new Document(Metadata(), [H(1, "a", "Summary"), P(T("Xi Jinping (习近平) received Lukashenko.")), P(T("Also ☃ here."))], []);
        using var output = new MemoryStream();
        var error = Assert.Throws<DocumentWriteException>(() => new PdfDocumentWriter().Write(document, new Theme(), output));
        Assert.Contains("'习' (U+4E60)", error.Message);
        Assert.Contains("Xi Jinping (习近平) received Lukashenko.", error.Message);
        Assert.Contains("Noto Serif", error.Message);
        Assert.Contains("'☃' (U+2603)", error.Message); // every problem at once
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void A_missing_fallback_font_is_named_in_the_error()
    {
        var theme = new Theme { Fonts = new FontTheme { Fallback = ["No Such Family"] } };
        var document = new Document(Metadata(), [P(T("习近平"))], []);
        var error = Assert.Throws<DocumentWriteException>(() => Render(document, theme));
        Assert.Contains("No Such Family (not found)", error.Message);
    }

    [Fact]
    public void Rendering_twice_gives_identical_bytes()
    {
        var first = Render(VisitBrief(tableRows: 20, sections: 2));
        var second = Render(VisitBrief(tableRows: 20, sections: 2));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Fonts_are_embedded_as_subsets_and_the_file_stays_small()
    {
        var bytes = Brief.Value;
        // The font dictionaries, read as objects (they may sit in compressed object streams).
        using var pdf = PdfDocument.Open(bytes);
        UglyToad.PdfPig.Tokens.IToken? Resolve(UglyToad.PdfPig.Tokens.IToken? token) =>
            token is UglyToad.PdfPig.Tokens.IndirectReferenceToken r ? pdf.Structure.GetObject(r.Data).Data : token;
        UglyToad.PdfPig.Tokens.IToken? Get(UglyToad.PdfPig.Tokens.IToken? dictionary, string key) =>
            dictionary is UglyToad.PdfPig.Tokens.DictionaryToken d && d.TryGet(UglyToad.PdfPig.Tokens.NameToken.Create(key), out var value) ? Resolve(value) : null;
        var fontReferences = pdf.GetPages()
            .Select(p => Get(Get(p.Dictionary, "Resources"), "Font") as UglyToad.PdfPig.Tokens.DictionaryToken)
            .Where(f => f is not null)
            .SelectMany(f => f!.Data.Values.OfType<UglyToad.PdfPig.Tokens.IndirectReferenceToken>())
            .Select(r => r.Data).Distinct().ToList();
        var fonts = fontReferences.Select(r => pdf.Structure.GetObject(r).Data).ToList();
        Assert.True(fonts.Count >= 4);
        Assert.All(fonts, font => Assert.Equal("Type0", ((UglyToad.PdfPig.Tokens.NameToken)Get(font, "Subtype")!).Data));
        Assert.All(fonts, font =>
        {
            var descendant = Resolve(((UglyToad.PdfPig.Tokens.ArrayToken)Get(font, "DescendantFonts")!).Data.Single());
            Assert.NotNull(Get(Get(descendant, "FontDescriptor"), "FontFile2"));
        });
        Assert.All(fonts, font => Assert.Matches(@"^[A-Z]{6}\+", ((UglyToad.PdfPig.Tokens.NameToken)Get(font, "BaseFont")!).Data));
        // Whole Noto faces are about 500 KB each; subsets keep a dozen-page brief well under that.
        Assert.True(bytes.Length < 400_000, $"{bytes.Length} bytes");
    }

    [Fact]
    public void Metadata_language_and_dates_come_from_the_document()
    {
        using var pdf = PdfDocument.Open(Brief.Value);
        var info = pdf.Information;
        Assert.Equal("Visit brief: Alexander Lukashenko in Beijing", info.Title);
        Assert.Equal("Eurasia Desk", info.Author);
        Assert.Equal("China–Belarus leader diplomacy", info.Subject);
        Assert.Contains("Lukashenko", info.Keywords);
        Assert.StartsWith("D:20231204", info.CreationDate);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.TryGet(UglyToad.PdfPig.Tokens.NameToken.Create("Lang"), out var lang));
        // A text string: a literal (PDFDocEncoding) or UTF-16BE with a byte order mark.
        string language = lang switch
        {
            UglyToad.PdfPig.Tokens.HexToken hex => Encoding.BigEndianUnicode.GetString(hex.Bytes.ToArray()).TrimStart('\uFEFF'),
            UglyToad.PdfPig.Tokens.StringToken literal => literal.Data,
            _ => throw new InvalidOperationException($"/Lang is a {lang.GetType().Name}"),
        };
        Assert.Equal("en-GB", language);
    }

    [Fact]
    public void Contents_entries_links_and_footnote_marks_are_clickable()
    {
        using var pdf = PdfDocument.Open(Brief.Value);
        var contents = pdf.GetPages().First(p => PageText(p).Contains("Contents"));
        var tocLinks = contents.GetAnnotations().Where(a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Link).ToList();
        Assert.True(tocLinks.Count >= 10);

        var summary = pdf.GetPages().First(p => PageText(p).Contains("ministry's"));
        var annotations = summary.GetAnnotations().ToList();
        Assert.Contains(annotations, a => a.Action is UglyToad.PdfPig.Actions.UriAction { Uri: "https://www.mfa.gov.cn/eng/" });
        Assert.True(annotations.Count(a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Link) >= 3); // internal link, URL, footnote mark
    }

    [Fact]
    public void Footnotes_are_printed_at_the_foot_of_the_page_that_refers_to_them()
    {
        using var pdf = PdfDocument.Open(Brief.Value);
        var page = pdf.GetPages().First(p => PageText(p).Contains("ministry's"));
        var note = page.GetWords().First(w => w.Text == "Xinhua,");
        var body = page.GetWords().First(w => w.Text == "Summary");
        Assert.True(note.BoundingBox.Bottom < body.BoundingBox.Bottom - 300, "the note sits at the bottom of the page");
        Assert.Equal(1, pdf.GetPages().Count(p => PageText(p).Contains("Xinhua,")));
    }

    [Fact]
    public void A_note_cited_on_several_pages_is_printed_at_the_foot_of_each()
    {
        using var pdf = PdfDocument.Open(Brief.Value);
        var citing = pdf.GetPages().Where(p => PageText(p).Contains("Relations were upgraded in 2022")).ToList();
        Assert.True(citing.Count >= 2);
        foreach (var page in citing)
        {
            var text = PageText(page);
            Assert.Contains("Joint statement of 15 September 2022", text);
            var lines = Lines(page);
            int note = lines.FindIndex(l => l.Contains("Joint statement of 15 September 2022"));
            int citation = lines.FindIndex(l => l.Contains("Relations were upgraded in 2022"));
            Assert.True(note > citation, "the note sits below the text that cites it");
        }
        Assert.Equal(citing.Count, pdf.GetPages().Count(p => PageText(p).Contains("Joint statement of 15 September 2022")));
    }

    [Fact]
    public void Poppler_compatible_structure_page_count_matches_layout()
    {
        using var pdf = PdfDocument.Open(Brief.Value);
        Assert.Equal(PdfDocumentWriter.CountPages(VisitBrief(tableRows: 80, withChinese: true), CjkTheme), pdf.NumberOfPages);
    }
}

public class PdfEdgeCaseTests
{
    private static byte[] Render(Document document, Theme theme)
    {
        using var stream = new MemoryStream();
        new PdfDocumentWriter().Write(document, theme, stream);
        return stream.ToArray();
    }

    [Fact]
    public void Without_a_cover_the_body_starts_on_page_one()
    {
        var document = new Document(Metadata(), [H(1, "s", "Summary"), P(T("Lukashenko met Xi Jinping."))], []);
        using var pdf = PdfDocument.Open(Render(document, new Theme { Cover = new CoverTheme { Enabled = false } }));
        Assert.Equal(1, pdf.NumberOfPages);
        var text = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("Summary", text);
        Assert.Contains("Page 1 of 1", text);
    }

    [Fact]
    public void A_row_taller_than_a_page_is_split_across_pages()
    {
        var tall = string.Join(" ", Enumerable.Range(1, 2500).Select(i => $"w{i}"));
        var table = new Table([new TableColumn(ColumnAlignment.Left, 1), new TableColumn(ColumnAlignment.Left, 1)],
            [Row("Topic", "Notes")], [Row("Trade", tall), Row("Visas", "Agreed in principle.")]);
        var document = new Document(Metadata(), [table], []);
        using var pdf = PdfDocument.Open(Render(document, new Theme { Cover = new CoverTheme { Enabled = false } }));
        Assert.True(pdf.NumberOfPages >= 2);
        var words = pdf.GetPages().SelectMany(p => p.GetWords().Select(w => w.Text)).ToList();
        Assert.Equal(2500, words.Count(w => w.StartsWith('w') && w.Length > 1 && char.IsDigit(w[1])));
        Assert.All(pdf.GetPages(), p => Assert.Contains("Notes", p.GetWords().Select(w => w.Text)));
    }

    [Fact]
    public void Packs_rendered_in_parallel_match_packs_rendered_one_by_one()
    {
        var theme = new Theme();
        var expected = Render(VisitBrief(tableRows: 10, sections: 1), theme);
        var results = new byte[6][];
        Parallel.For(0, results.Length, i => results[i] = Render(VisitBrief(tableRows: 10, sections: 1), theme));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Every_block_type_reaches_the_page_in_order()
    {
        using var pdf = PdfDocument.Open(Render(VisitBrief(tableRows: 5, sections: 1), new Theme()));
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        string[] expected =
        [
            "BRIEFING", "Visit brief: Alexander Lukashenko in Beijing", "PARTICIPANTS", "Лукашенко", // cover
            "Contents", "Summary", "Talking points", "Dairy and beef certification", "SCO-2024",     // call-out, nested list, code
            "Also present", "Sergei Aleinik",                                                        // key-value list
            "Background", "Gusmão", "China and Belarus are good friends", "— Xi Jinping, 4 December 2023", // quote with attribution
            "1. Joint statement", "3. Memoranda",                                                     // numbered list
            "Meeting timeline", "Date Place Occasion Documents",                                     // table
            "Sources and notes",
        ];
        int at = 0;
        foreach (var piece in expected)
        {
            int found = text.IndexOf(piece, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{piece}' missing or out of order");
            at = found + piece.Length;
        }
    }

    [Fact]
    public void A_page_break_at_the_top_of_a_page_adds_no_empty_page()
    {
        var document = new Document(Metadata(), [new PageBreak(), P(T("First page of the body.")), new PageBreak(), new PageBreak(), P(T("Second page."))], []);
        using var pdf = PdfDocument.Open(Render(document, new Theme { Cover = new CoverTheme { Enabled = false } }));
        Assert.Equal(2, pdf.NumberOfPages);
        Assert.Contains("First", pdf.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("Second", pdf.GetPage(2).GetWords().Select(w => w.Text));
    }

    [Fact]
    public void Page_size_and_margins_come_from_the_theme()
    {
        var theme = new Theme { Page = new PageTheme { Width = 612, Height = 792, MarginLeft = 100, MarginRight = 100 } };
        using var pdf = PdfDocument.Open(Render(VisitBrief(tableRows: 5, sections: 1), theme));
        Assert.All(pdf.GetPages(), p =>
        {
            Assert.Equal(612, p.Width, 0);
            Assert.Equal(792, p.Height, 0);
        });
        var body = pdf.GetPages().First(p => p.GetWords().Any(w => w.Text == "Background"));
        var words = body.GetWords().Where(w => w.BoundingBox.Bottom > 100 && w.BoundingBox.Top < 700).ToList();
        Assert.True(words.Min(w => w.BoundingBox.Left) >= 99.5);
        Assert.True(words.Max(w => w.BoundingBox.Right) <= 512.5);
    }

    [Fact]
    public void Text_is_written_as_strings_not_one_positioning_operator_per_glyph()
    {
        // Glyphs on one baseline go into one TJ string (offsets as numbers in the array); a positioning
        // operator per glyph would make the file several times larger and slower to write.
        using var pdf = PdfDocument.Open(Render(VisitBrief(tableRows: 80), new Theme()));
        int letters = 0, moves = 0;
        foreach (var page in pdf.GetPages())
        {
            letters += page.Letters.Count;
            moves += page.Operations.Count(o => o is MoveToNextLineWithOffset or SetTextMatrix);
        }
        Assert.True(letters > 5000, $"only {letters} glyphs");
        Assert.True(moves * 4 < letters, $"{moves} text positioning operators for {letters} glyphs");
    }

    [Fact]
    public void An_unknown_theme_font_is_reported_with_the_bundled_choices()
    {
        var theme = new Theme { Fonts = new FontTheme { Body = "Times New Briefing" } };
        var error = Assert.Throws<DocumentWriteException>(() => Render(new Document(Metadata(), [P(T("x"))], []), theme));
        Assert.Contains("Times New Briefing", error.Message);
        Assert.Contains("Noto Serif", error.Message);
    }

    [Fact]
    public void A_malformed_theme_colour_is_reported_clearly()
    {
        var theme = new Theme { Colours = new ColourTheme { Heading = "navy-ish" } };
        var error = Assert.Throws<DocumentWriteException>(() => Render(new Document(Metadata(), [P(T("x"))], []), theme));
        Assert.Contains("navy-ish", error.Message);
    }

    [Theory]
    [InlineData("en-GB", true)]
    [InlineData("fr", false)]
    public void Footnotes_are_hyphenated_by_the_patterns_of_the_document_language(string language, bool hyphenated)
    {
        // Long words at a note's line ends are hyphenated where British English patterns allow; a French
        // document has no patterns here, so its notes break only between words.
        string[] words = ["internationalisation", "telecommunications", "comprehensiveness", "responsibilities", "intergovernmental", "representatives", "infrastructure", "consultations"];
        var note = string.Join(" ", Enumerable.Range(0, 48).Select(i => words[(i * 5) % words.Length]));
        var document = new Document(Metadata("Notes") with { Language = language, Marking = null, Subtitle = null },
            [P(T("Background."), new FootnoteReference(1))],
            [new Footnote(1, "1", [P(T(note))])]);
        using var pdf = PdfDocument.Open(Render(document, new Theme()));
        int hyphens = pdf.GetPages().Sum(p => p.Letters.Count(l => l.Value == "-"));
        Assert.Equal(hyphenated, hyphens > 0);
    }
}
