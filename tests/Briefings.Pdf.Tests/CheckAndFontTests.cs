using Briefings.Documents;
using UglyToad.PdfPig;
using Xunit;
using static Briefings.Pdf.Tests.SampleBriefs;

namespace Briefings.Pdf.Tests;

/// <summary>The shared tree and theme checks as the PDF writer applies them, and the bundled Arabic face.</summary>
public class CheckAndFontTests
{
    private static byte[] Render(Document document, Theme? theme = null)
    {
        using var stream = new MemoryStream();
        new PdfDocumentWriter().Write(document, theme ?? new Theme(), stream);
        return stream.ToArray();
    }

    [Fact]
    public void A_broken_tree_is_refused_with_every_problem_named_as_the_word_writer_names_them()
    {
        var document = new Document(Metadata("Broken"),
        [
            H(1, "a", "First"),
            H(1, "a", "Same id"),
            P(new Link("#nowhere", [T("dangling")]), new FootnoteReference(7)),
        ],
        []);
        var error = Assert.Throws<DocumentWriteException>(() => Render(document));
        Assert.StartsWith("cannot write 'Broken' as PDF (3 problems):", error.Message);
        Assert.Contains("heading id 'a' is used by more than one heading (second: 'Same id')", error.Message);
        Assert.Contains("link 'dangling' points at '#nowhere', but no heading has that id", error.Message);
        Assert.Contains("footnote reference [7] has no footnote", error.Message);
        Assert.Equal(
            [
                Diagnostic.Error(DocumentCodes.HeadingId, "heading id 'a' is used by more than one heading (second: 'Same id')"),
                Diagnostic.Error(DocumentCodes.BrokenLink, "link 'dangling' points at '#nowhere', but no heading has that id"),
                Diagnostic.Error(DocumentCodes.MissingFootnote, "footnote reference [7] has no footnote"),
            ],
            error.Diagnostics);
        Assert.Equal("pack.pdf: error DOC004: footnote reference [7] has no footnote", error.Diagnostics[2].InFile("pack.pdf").ToString());
    }

    [Theory]
    [InlineData("#801F3864")]
    [InlineData("navy")]
    [InlineData("#12345")]
    public void A_colour_other_than_RRGGBB_is_refused(string colour)
    {
        var theme = new Theme { Colours = new ColourTheme { Heading = colour } };
        var error = Assert.Throws<DocumentWriteException>(() => Render(new Document(Metadata("Plain"), [P(T("text"))], []), theme));
        Assert.Contains($"theme colours.heading is '{colour}', expected a colour like \"#1F3864\"", error.Message);
    }

    [Fact]
    public void Arabic_is_drawn_with_the_bundled_face_when_the_theme_lists_no_fallback()
    {
        var theme = new Theme { Fonts = new FontTheme { Fallback = [] } };
        var pdf = Render(new Document(Metadata("Arabic"), [H(1, "h", "بشار الأسد"), P(T("Bashar al-Assad (بشار الأسد) in Hangzhou."))], []), theme);

        using var document = PdfDocument.Open(pdf);
        var arabic = document.GetPages().SelectMany(p => p.Letters).Where(l => l.Value.Any(c => c is >= '\u0600' and <= '\u06FF')).ToList();
        Assert.NotEmpty(arabic);
        Assert.All(arabic, l => Assert.Contains("NotoNaskhArabic", l.FontName));
        Assert.Contains(arabic, l => l.FontName?.Contains("Bold", StringComparison.Ordinal) == true);
    }
}
