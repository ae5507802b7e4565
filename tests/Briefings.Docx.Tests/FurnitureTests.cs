using Briefings.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Briefings.Docx.Tests;

public class FurnitureTests
{
    private static W.SectionProperties Section(WordprocessingDocument word) => Read.Body(word).GetFirstChild<W.SectionProperties>()!;

    private static OpenXmlPartRootElement Furniture(WordprocessingDocument word, string kind, W.HeaderFooterValues type)
    {
        var section = Section(word);
        var id = kind == "header"
            ? section.Elements<W.HeaderReference>().Single(r => r.Type?.Value == type).Id!.Value!
            : section.Elements<W.FooterReference>().Single(r => r.Type?.Value == type).Id!.Value!;
        var part = word.MainDocumentPart!.GetPartById(id);
        return part is HeaderPart header ? header.Header! : ((FooterPart)part).Footer!;
    }

    /// <summary>Field instructions with the result Word shows before it recalculates.</summary>
    private static List<(string Instruction, string Result)> FieldsIn(OpenXmlElement root)
    {
        var fields = new List<(string, string)>();
        string? instruction = null;
        string? result = null;
        foreach (var element in root.Descendants())
        {
            switch (element)
            {
                case W.FieldChar { FieldCharType.Value: var type } when type == W.FieldCharValues.Begin:
                    instruction = ""; result = null; break;
                case W.FieldCode code when instruction is not null && result is null:
                    instruction += code.Text; break;
                case W.FieldChar { FieldCharType.Value: var type } when type == W.FieldCharValues.Separate:
                    result = ""; break;
                case W.Text text when result is not null:
                    result += text.Text; break;
                case W.FieldChar { FieldCharType.Value: var type } when type == W.FieldCharValues.End:
                    fields.Add((instruction!.Trim(), result ?? "")); instruction = null; result = null; break;
            }
        }
        return fields;
    }

    [Fact]
    public void Body_pages_show_the_marking_then_the_title_and_page_x_of_y_at_the_top()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var header = Furniture(word, "header", W.HeaderFooterValues.Default).Elements<W.Paragraph>().ToList();
        Assert.Equal(["OFFICIAL — INTERNAL USE ONLY", "Lukashenko in Beijing\tPage 1 of 1"], header.Select(Read.Text));
        Assert.Equal("Marking", Read.Style(header[0]));
        Assert.Equal("Center", Read.StyleById(word, "Marking").StyleParagraphProperties?.Justification?.Val?.ToString(), ignoreCase: true);
        Assert.Equal("A00000", Read.StyleById(word, "Marking").StyleRunProperties?.Color?.Val?.Value);
        Assert.Equal([("PAGE", "1"), ("NUMPAGES", "1")], FieldsIn(header[1]));
        Assert.Equal("Header", Read.Style(header[1]));
    }

    [Fact]
    public void Body_pages_show_the_as_of_date_and_the_marking_at_the_bottom()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var footer = Furniture(word, "footer", W.HeaderFooterValues.Default).Elements<W.Paragraph>().ToList();
        Assert.Equal(["As of 4 December 2023", "OFFICIAL — INTERNAL USE ONLY"], footer.Select(Read.Text));
        Assert.Equal(["Footer", "Marking"], footer.Select(p => Read.Style(p)));
    }

    [Fact]
    public void Cover_page_has_its_own_header_and_footer_with_the_marking_only()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        Assert.NotNull(Section(word).GetFirstChild<W.TitlePage>());
        foreach (var kind in new[] { "header", "footer" })
        {
            var first = Furniture(word, kind, W.HeaderFooterValues.First);
            Assert.Equal(["OFFICIAL — INTERNAL USE ONLY"], first.Elements<W.Paragraph>().Select(Read.Text));
            Assert.Empty(FieldsIn(first));
        }
    }

    [Fact]
    public void Without_a_marking_or_date_the_furniture_holds_title_and_page_numbers_only()
    {
        using var word = Render.Open(SampleDocuments.EdgeCases());
        Assert.Equal(["Edge cases\tPage 1 of 1"], Furniture(word, "header", W.HeaderFooterValues.Default).Elements<W.Paragraph>().Select(Read.Text));
        // Neither marking nor date: the footer keeps the one empty paragraph Word requires.
        Assert.Equal([""], Furniture(word, "footer", W.HeaderFooterValues.Default).Elements<W.Paragraph>().Select(Read.Text));
    }

    [Fact]
    public void Page_size_and_margins_come_from_the_theme()
    {
        var theme = new Theme { Page = new PageTheme { Width = 612, Height = 792, MarginTop = 54, MarginBottom = 60, MarginLeft = 50, MarginRight = 40 } };
        using var word = Render.Open(SampleDocuments.Empty(), theme);
        var section = Section(word);
        Assert.Equal(12240u, section.GetFirstChild<W.PageSize>()!.Width!.Value);
        Assert.Equal(15840u, section.GetFirstChild<W.PageSize>()!.Height!.Value);
        var margins = section.GetFirstChild<W.PageMargin>()!;
        Assert.Equal([1080, 1200], new[] { margins.Top!.Value, margins.Bottom!.Value });
        Assert.Equal([1000u, 800u], new[] { margins.Left!.Value, margins.Right!.Value });
    }
}
