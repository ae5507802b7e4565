using Briefings.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Briefings.Docx.Tests;

public class StyleTests
{
    [Theory]
    [InlineData("Normal", "Normal", "paragraph")]
    [InlineData("Title", "Title", "paragraph")]
    [InlineData("Subtitle", "Subtitle", "paragraph")]
    [InlineData("Heading1", "heading 1", "paragraph")]
    [InlineData("Heading2", "heading 2", "paragraph")]
    [InlineData("Heading3", "heading 3", "paragraph")]
    [InlineData("ListParagraph", "List Paragraph", "paragraph")]
    [InlineData("ListBullet", "List Bullet", "paragraph")]
    [InlineData("ListNumber", "List Number", "paragraph")]
    [InlineData("Quote", "Quote", "paragraph")]
    [InlineData("Caption", "caption", "paragraph")]
    [InlineData("FootnoteText", "footnote text", "paragraph")]
    [InlineData("FootnoteReference", "footnote reference", "character")]
    [InlineData("Hyperlink", "Hyperlink", "character")]
    [InlineData("TOC1", "toc 1", "paragraph")]
    [InlineData("TOC2", "toc 2", "paragraph")]
    [InlineData("TOC3", "toc 3", "paragraph")]
    [InlineData("TOCHeading", "TOC Heading", "paragraph")]
    [InlineData("Header", "header", "paragraph")]
    [InlineData("Footer", "footer", "paragraph")]
    [InlineData("BriefingTable", "Briefing Table", "table")]
    public void Styles_part_holds_Word_built_in_styles_under_their_own_ids_and_names(string id, string name, string type)
    {
        using var word = Render.Open(SampleDocuments.Empty());
        var style = Read.StyleById(word, id);
        Assert.Equal(name, style.StyleName?.Val?.Value);
        Assert.Equal(type, style.Type?.InnerText);
    }

    [Fact]
    public void Body_lines_are_as_tall_as_the_PDF_s_so_both_formats_paginate_alike()
    {
        // Word multiplies "auto" spacing by the font's natural line height (Noto Serif: 1069 + 293 units of
        // 1000); the PDF's line is 1.35 times the size. 1.35 / 1.362 of a single line is 238 of 240.
        using var word = Render.Open(SampleDocuments.Empty());
        var spacing = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!
            .ParagraphPropertiesDefault!.ParagraphPropertiesBaseStyle!.SpacingBetweenLines!;
        Assert.Equal("238", spacing.Line?.Value);
        Assert.Equal(W.LineSpacingRuleValues.Auto, spacing.LineRule?.Value);
    }

    [Fact]
    public void Headings_have_outline_levels_so_the_navigation_pane_lists_them()
    {
        using var word = Render.Open(SampleDocuments.Empty());
        for (var level = 1; level <= 3; level++)
            Assert.Equal(level - 1, Read.StyleById(word, $"Heading{level}").StyleParagraphProperties?.OutlineLevel?.Val?.Value);
        // The contents title must not list itself.
        Assert.Equal(9, Read.StyleById(word, "TOCHeading").StyleParagraphProperties?.OutlineLevel?.Val?.Value);
    }

    [Fact]
    public void Fonts_colours_sizes_and_language_come_from_the_theme_and_metadata()
    {
        var theme = new Theme
        {
            Fonts = new FontTheme { Body = "Noto Serif", Heading = "Noto Sans", BodySize = 11 },
            Colours = new ColourTheme { Heading = "#112233", Link = "#0055AA" },
            Headings = new HeadingTheme { H1Size = 18, H2Size = 14.5 },
        };
        using var word = Render.Open(SampleDocuments.VisitBrief(), theme);
        var defaults = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Noto Serif", defaults.RunFonts?.Ascii?.Value);
        Assert.Equal("22", defaults.FontSize?.Val?.Value);
        Assert.Equal("en-GB", defaults.Languages?.Val?.Value);

        var h1 = Read.StyleById(word, "Heading1").StyleRunProperties!;
        Assert.Equal("Noto Sans", h1.RunFonts?.Ascii?.Value);
        Assert.Equal("112233", h1.Color?.Val?.Value);
        Assert.Equal("36", h1.FontSize?.Val?.Value);
        Assert.NotNull(h1.Bold);
        Assert.Equal("29", Read.StyleById(word, "Heading2").StyleRunProperties?.FontSize?.Val?.Value);
        Assert.Equal("0055AA", Read.StyleById(word, "Hyperlink").StyleRunProperties?.Color?.Val?.Value);

        var settings = word.MainDocumentPart.DocumentSettingsPart!.Settings!;
        Assert.Equal("en-GB", settings.GetFirstChild<W.ThemeFontLanguages>()?.Val?.Value);
    }

    [Fact]
    public void Tables_contents_and_key_value_terms_take_the_PDF_s_faces_and_colours()
    {
        var theme = new Theme
        {
            Fonts = new FontTheme { Body = "Noto Serif", Heading = "Noto Sans", BodySize = 10 },
            Colours = new ColourTheme { Heading = "#112233", Text = "#0A0A0A" },
        };
        using var word = Render.Open(SampleDocuments.VisitBrief(), theme);
        W.StyleRunProperties Run(string id) => Read.StyleById(word, id).StyleRunProperties!;
        // Table text in the heading family (the PDF's table style).
        Assert.Equal("Noto Sans", Run("TableText").RunFonts?.Ascii?.Value);
        // Level-1 contents entries bold in the heading family and colour; the levels below at 0.95 of the body size.
        Assert.Equal("Noto Sans", Run("TOC1").RunFonts?.Ascii?.Value);
        Assert.Equal("112233", Run("TOC1").Color?.Val?.Value);
        Assert.NotNull(Run("TOC1").Bold);
        Assert.Equal("19", Run("TOC2").FontSize?.Val?.Value);
        // Key–value terms bold in the heading family and colour at 0.92 of the body size (9.2 pt: 18 half points), on
        // the body's line height (13.5 pt); their values ragged right, not justified.
        var term = Read.StyleById(word, "DefinitionTerm");
        Assert.Equal("Noto Sans", term.StyleRunProperties!.RunFonts?.Ascii?.Value);
        Assert.Equal("112233", term.StyleRunProperties.Color?.Val?.Value);
        Assert.NotNull(term.StyleRunProperties.Bold);
        Assert.Equal("18", term.StyleRunProperties.FontSize?.Val?.Value);
        Assert.Equal("270", term.StyleParagraphProperties!.SpacingBetweenLines?.Line?.Value);
        Assert.Equal(W.JustificationValues.Left, Read.StyleById(word, "Definition").StyleParagraphProperties!.Justification!.Val!.Value);
        // Level-3 headings in the text colour, the levels above in the heading colour.
        Assert.Equal("0A0A0A", Run("Heading3").Color?.Val?.Value);
        Assert.Equal("112233", Run("Heading2").Color?.Val?.Value);
    }

    [Theory]
    [InlineData("en", "en-GB")]
    [InlineData("en-US", "en-US")]
    public void Text_is_marked_in_the_document_language_english_without_a_region_as_british(string language, string expected)
    {
        using var word = Render.Open(SampleDocuments.Empty() with { Metadata = new DocumentMetadata { Title = "Empty", Language = language } });
        var defaults = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal(expected, defaults.Languages?.Val?.Value);
    }

    [Fact]
    public void Dates_and_numbers_with_units_are_runs_Word_and_LibreOffice_never_hyphenate()
    {
        var document = new Document(new DocumentMetadata { Title = "Dates" },
            [new Briefings.Documents.Paragraph([new Text("Signed on 22 September 2023 in Beijing, 40 km away.")])], []);
        using var word = Render.Open(document);
        var runs = word.MainDocumentPart!.Document!.Body!.Descendants<W.Paragraph>()
            .Single(p => p.InnerText.StartsWith("Signed", StringComparison.Ordinal)).Descendants<W.Run>().ToList();
        var kept = runs.Where(r => r.RunProperties?.Languages?.Val?.Value == "zxx").Select(r => r.InnerText).ToList();
        Assert.Equal(["22\u00A0September\u00A02023", "40\u00A0km"], kept);
        // The rest keeps the document language (no run-level language), so it is hyphenated and proofed as usual.
        Assert.Equal("Signed on 22\u00A0September\u00A02023 in Beijing, 40\u00A0km away.", string.Concat(runs.Select(r => r.InnerText)));
        Assert.All(runs.Except(runs.Where(r => kept.Contains(r.InnerText))), r => Assert.Null(r.RunProperties?.Languages));
    }

    [Fact]
    public void East_Asian_text_uses_the_theme_s_first_fallback_family()
    {
        using var plain = Render.Open(SampleDocuments.Empty());
        var defaults = plain.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Noto Serif", defaults.RunFonts?.EastAsia?.Value);

        var theme = new Theme { Fonts = new FontTheme { Fallback = ["fonts/NotoSansSC-Regular.otf", "Noto Serif CJK SC"] } };
        using var word = Render.Open(SampleDocuments.Empty(), theme);
        defaults = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Noto Serif CJK SC", defaults.RunFonts?.EastAsia?.Value);
        Assert.Equal("Noto Serif", defaults.RunFonts?.Ascii?.Value);
        Assert.Equal("Noto Serif CJK SC", Read.StyleById(word, "Heading1").StyleRunProperties?.RunFonts?.EastAsia?.Value);
    }

    [Fact]
    public void Justified_body_text_follows_the_theme_alignment()
    {
        using var justified = Render.Open(SampleDocuments.Empty());
        Assert.Equal(W.JustificationValues.Both, Read.StyleById(justified, "Normal").StyleParagraphProperties?.Justification?.Val?.Value);
        using var left = Render.Open(SampleDocuments.Empty(), new Theme { BodyAlignment = TextAlignment.Left });
        Assert.Equal(W.JustificationValues.Left, Read.StyleById(left, "Normal").StyleParagraphProperties?.Justification?.Val?.Value);
    }

    [Fact]
    public void Table_style_carries_header_shading_banding_and_borders_from_the_theme()
    {
        var theme = new Theme { Table = new TableTheme { HeaderBackground = "#203040", BandBackground = "#F0F0F0", Border = "#999999", BorderWidth = 1 } };
        using var word = Render.Open(SampleDocuments.Empty(), theme);
        var style = Read.StyleById(word, "BriefingTable");
        var conditions = style.Elements<W.TableStyleProperties>().ToDictionary(c => c.Type!.InnerText ?? "");
        Assert.Equal("203040", conditions["firstRow"].GetFirstChild<W.TableStyleConditionalFormattingTableCellProperties>()?.Shading?.Fill?.Value);
        Assert.NotNull(conditions["firstRow"].GetFirstChild<W.RunPropertiesBaseStyle>()?.Bold);
        Assert.Equal("F0F0F0", conditions["band2Horz"].GetFirstChild<W.TableStyleConditionalFormattingTableCellProperties>()?.Shading?.Fill?.Value);
        var borders = style.StyleTableProperties!.TableBorders!;
        Assert.Equal("999999", borders.InsideHorizontalBorder?.Color?.Value);
        Assert.Equal(8u, borders.TopBorder?.Size?.Value);
    }

    [Fact]
    public void Theme_without_banding_has_no_band_condition()
    {
        using var word = Render.Open(SampleDocuments.Empty(), new Theme { Table = new TableTheme { BandBackground = "" } });
        Assert.DoesNotContain(Read.StyleById(word, "BriefingTable").Elements<W.TableStyleProperties>(), c => c.Type!.InnerText == "band2Horz");
    }
}
