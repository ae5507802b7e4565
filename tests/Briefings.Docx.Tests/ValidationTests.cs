using Briefings.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Validation;
using Xunit;

namespace Briefings.Docx.Tests;

public class ValidationTests
{
    public static IEnumerable<object[]> Documents() => SampleDocuments.All();

    public static IEnumerable<object[]> DocumentsAndVersions() =>
        from document in SampleDocuments.All()
        from version in new[] { FileFormatVersions.Office2007, FileFormatVersions.Office2019 }
        select new[] { document[0], document[1], version };

    /// <summary>Valid against the 2007 schema (the validator's default) and the 2019 one.</summary>
    [Theory]
    [MemberData(nameof(DocumentsAndVersions))]
    public void Output_passes_the_Open_XML_validator(string name, Document document, FileFormatVersions version)
    {
        using var word = Render.Open(document);
        var errors = new OpenXmlValidator(version).Validate(word)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.True(errors.Count == 0, $"{name}: {errors.Count} validation errors:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void Output_without_a_cover_passes_the_validator()
    {
        var theme = new Theme { Cover = new CoverTheme { Enabled = false } };
        using var word = Render.Open(SampleDocuments.VisitBrief(), theme);
        Assert.Empty(new OpenXmlValidator().Validate(word).Select(e => e.Description));
    }
}
