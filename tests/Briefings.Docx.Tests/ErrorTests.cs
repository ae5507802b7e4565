using Briefings.Documents;
using Xunit;
using static Briefings.Docx.Tests.SampleDocuments;

namespace Briefings.Docx.Tests;

public class ErrorTests
{
    [Fact]
    public void Every_problem_is_reported_at_once_and_nothing_is_written()
    {
        var document = new Document(new DocumentMetadata { Title = "Broken" },
        [
            H(1, "a", T("First")),
            H(1, "a", T("Same id")),
            P(new Link("#nowhere", [T("dangling")]), Note(7), T("bell\u0007")),
            new Table([new TableColumn(ColumnAlignment.Left, 1)], [], [Row("one", "two")]),
        ],
        []);
        using var output = new MemoryStream();
        var error = Assert.Throws<DocumentWriteException>(() => new DocxDocumentWriter().Write(document, new Theme(), output));
        Assert.Equal(0, output.Length);
        Assert.Contains("'Broken'", error.Message);
        Assert.Contains("heading id 'a' is used by more than one heading", error.Message);
        Assert.Contains("points at '#nowhere', but no heading has that id", error.Message);
        Assert.Contains("footnote reference [7] has no footnote", error.Message);
        Assert.Contains("U+0007", error.Message);
        Assert.Contains("'bell?'", error.Message);
        Assert.Contains("2 cells but the table has 1 columns", error.Message);
        Assert.Contains("5 problems", error.Message);
        // The same problems as diagnostics: the shared checks' codes, the Word writer's own, no file (the writer knows none).
        Assert.Equal(
            [DocumentCodes.HeadingId, DocumentCodes.TableShape, DocumentCodes.BrokenLink, DocumentCodes.MissingFootnote, DocumentCodes.DocxContent],
            error.Diagnostics.Select(d => d.Code));
        Assert.All(error.Diagnostics, d => Assert.Equal((Severity.Error, "", 0), (d.Severity, d.Path, d.Line)));
        Assert.Equal("error DOCX001: " + error.Diagnostics[^1].Message, error.Diagnostics[^1].ToString());
        Assert.Contains("U+0007", error.Diagnostics[^1].Message);
    }

    [Theory]
    [InlineData("mailto:desk@example.org")]
    [InlineData("docs/annex one.pdf")]
    [InlineData("https://example.org/a b?q=\"x\"&y=<z>")]
    [InlineData("http://[bad")]
    [InlineData("")]
    [InlineData("#")]
    public void Odd_link_targets_give_a_valid_document_or_a_named_problem(string target)
    {
        var document = new Document(new DocumentMetadata { Title = "Links" },
            [H(1, "top", T("Top")), P(new Link(target, [T("odd link")]))], []);
        using var output = new MemoryStream();
        try
        {
            new DocxDocumentWriter().Write(document, new Theme(), output);
        }
        catch (DocumentWriteException error)
        {
            Assert.Contains("odd link", error.Message.Replace(target, ""), StringComparison.Ordinal);
            Assert.Equal(0, output.Length);
            return;
        }
        using var word = Render.Open(output.ToArray());
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word).Select(e => e.Description));
    }

    [Fact]
    public void A_bad_theme_is_named_value_by_value()
    {
        var theme = new Theme
        {
            Colours = new ColourTheme { Heading = "navy", Link = "#12345" },
            Fonts = new FontTheme { BodySize = 0 },
        };
        using var output = new MemoryStream();
        var error = Assert.Throws<DocumentWriteException>(() => new DocxDocumentWriter().Write(VisitBrief(), theme, output));
        Assert.Equal(0, output.Length);
        Assert.Contains("theme colours.heading is 'navy'", error.Message);
        Assert.Contains("theme colours.link is '#12345'", error.Message);
        Assert.Contains("theme fonts.body_size is 0 pt", error.Message);
    }
}
