using Briefings.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Xunit;
using static Briefings.Docx.Tests.SampleDocuments;

namespace Briefings.Docx.Tests;

public class BlockTests
{
    [Fact]
    public void Paragraph_runs_keep_bold_italic_and_code()
    {
        using var word = Render.Open(VisitBrief());
        var runs = Read.Body(word).Descendants<W.Run>().ToList();
        var bold = runs.Single(r => Read.Text(r) == "Alexander Lukashenko");
        Assert.NotNull(bold.RunProperties?.Bold);
        Assert.Null(bold.RunProperties?.Italic);
        var italic = runs.Single(r => Read.Text(r) == "Xi Jinping");
        Assert.NotNull(italic.RunProperties?.Italic);
        var code = runs.Single(r => Read.Text(r) == "Great Stone");
        Assert.Equal("InlineCode", code.RunProperties?.RunStyle?.Val?.Value);
        Assert.Equal("Noto Sans Mono", Read.StyleById(word, "InlineCode").StyleRunProperties?.RunFonts?.Ascii?.Value);
    }

    [Fact]
    public void Dates_are_written_with_no_break_spaces_so_word_keeps_them_on_one_line()
    {
        using var word = Render.Open(VisitBrief());
        var cells = Read.Body(word).Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>()
            .Select(c => string.Concat(c.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text))).ToList();
        Assert.Contains("4\u00A0December\u00A02023", cells);
        Assert.DoesNotContain("4 December 2023", cells);
    }

    [Fact]
    public void Quote_uses_the_Quote_style_and_its_attribution_reads_with_a_dash()
    {
        using var word = Render.Open(VisitBrief());
        Assert.Equal("Quote", Read.Style(Read.Paragraph(word, "China and Belarus are all-weather friends.")));
        var attribution = Read.Paragraph(word, "— Xi Jinping, 4 December 2023");
        Assert.Equal("QuoteAttribution", Read.Style(attribution));
        Assert.Equal("Quote", Read.StyleById(word, "QuoteAttribution").BasedOn?.Val?.Value);
        // The quote keeps with its attribution; the attribution does not keep with what follows.
        Assert.NotNull(Read.StyleById(word, "Quote").StyleParagraphProperties?.KeepNext);
        Assert.False(Read.StyleById(word, "QuoteAttribution").StyleParagraphProperties?.KeepNext?.Val?.Value ?? true);

        using var edge = Render.Open(EdgeCases());
        Assert.Single(Read.Body(edge).Descendants<W.Paragraph>(), p => Read.Text(p) == "— Wang Yi");
        Assert.Equal("Quote", Read.Style(Read.Paragraph(edge, "unattributed")));
    }

    [Fact]
    public void Definition_list_pairs_terms_and_definitions()
    {
        using var word = Render.Open(VisitBrief());
        var term = Read.Paragraph(word, "Host");
        Assert.Equal("DefinitionTerm", Read.Style(term));
        // Two columns, as in the PDF: the term's cell, then the definition's cell in the same row.
        var termCell = term.Ancestors<W.TableCell>().First();
        var definition = termCell.NextSibling<W.TableCell>()!.Elements<W.Paragraph>().First();
        Assert.Equal("Xi Jinping, President of the People's Republic of China", Read.Text(definition));
        Assert.Equal("Definition", Read.Style(definition));
        Assert.NotNull(termCell.Parent!.GetFirstChild<W.TableRowProperties>()?.GetFirstChild<W.CantSplit>());
        Assert.NotNull(Read.StyleById(word, "DefinitionTerm").StyleParagraphProperties?.KeepNext);
    }

    [Fact]
    public void Rule_is_a_bottom_border_and_the_page_break_moves_onto_the_annex_heading()
    {
        var theme = new Theme { Colours = new ColourTheme { Rule = "#ABCDEF" } };
        using var word = Render.Open(VisitBrief(), theme);
        var annex = Read.TopParagraph(word, "Annex: numbering restarts");
        Assert.NotNull(annex.ParagraphProperties?.PageBreakBefore);
        Assert.Equal("Heading1", Read.Style(annex));
        var rule = annex.PreviousSibling<W.Paragraph>()!;
        Assert.Equal("ABCDEF", rule.ParagraphProperties?.ParagraphBorders?.BottomBorder?.Color?.Value);
        Assert.Equal("", Read.Text(rule));
    }

    [Fact]
    public void A_page_break_before_a_table_keeps_its_own_paragraph()
    {
        var document = new Document(new DocumentMetadata { Title = "Breaks" },
            [P(T("before")), new PageBreak(), new Table([new TableColumn(ColumnAlignment.Left, 1)], [], [Row("after")]), new PageBreak()], []);
        using var word = Render.Open(document, new Theme { Cover = new CoverTheme { Enabled = false } });
        var breaks = Read.Body(word).Elements<W.Paragraph>().Where(p => p.Descendants<W.Break>().Any(b => b.Type?.Value == W.BreakValues.Page)).ToList();
        Assert.Equal(2, breaks.Count);
        Assert.IsType<W.Table>(breaks[0].NextSibling());
    }

    [Fact]
    public void Line_breaks_tabs_and_newlines_inside_text_become_Word_breaks_and_tabs()
    {
        using var word = Render.Open(EdgeCases());
        var paragraph = Read.Body(word).Descendants<W.Paragraph>().Single(p => Read.Text(p).StartsWith("line one"));
        Assert.Equal("line one\nline two\ttabbed\nnewline", Read.Text(paragraph));
    }

    [Fact]
    public void Cover_page_shows_kicker_date_title_subtitle_and_fields_then_breaks()
    {
        using var word = Render.Open(VisitBrief());
        var body = Read.Body(word);
        var band = body.Elements<W.Table>().First();
        Assert.Equal(["BRIEFING", "4 December 2023"], band.Descendants<W.Paragraph>().Select(Read.Text));
        Assert.Equal("1F3864", band.Descendants<W.Shading>().Single().Fill?.Value);
        Assert.Equal("Title", Read.Style(Read.TopParagraph(word, "Lukashenko in Beijing")));
        Assert.Equal("Subtitle", Read.Style(Read.TopParagraph(word, "Pre-visit brief: official visit, 4 December 2023")));
        var table = body.Elements<W.Table>().ElementAt(1);
        var fields = table.Elements<W.TableRow>()
            .Select(r => string.Join("=", r.Elements<W.TableCell>().Select(Read.Text))).ToList();
        Assert.Equal(["Meeting=4 December 2023, Beijing", "Venue=Diaoyutai State Guesthouse",
            "Principals=Xi Jinping (习近平), Alexander Lukashenko (Лукашенко)", "As of=4 December 2023"], fields);
        Assert.Equal(["CoverLabel", "CoverDetail"], table.Elements<W.TableRow>().First().Descendants<W.Paragraph>().Select(p => Read.Style(p)));
        Assert.Equal(W.BreakValues.Page, table.NextSibling<W.Paragraph>()!.Descendants<W.Break>().Single().Type?.Value);
    }

    [Fact]
    public void Without_a_cover_the_title_opens_the_first_page()
    {
        using var word = Render.Open(VisitBrief(), new Theme { Cover = new CoverTheme { Enabled = false } });
        var first = Read.Body(word).Elements().First();
        Assert.Equal("Lukashenko in Beijing", Read.Text(first));
        Assert.Equal("Subtitle", Read.Style((W.Paragraph)Read.Body(word).Elements().ElementAt(1)));
        Assert.IsType<W.SdtBlock>(Read.Body(word).Elements().ElementAt(2));
        Assert.Null(Read.Body(word).GetFirstChild<W.SectionProperties>()!.GetFirstChild<W.TitlePage>());
    }
}
