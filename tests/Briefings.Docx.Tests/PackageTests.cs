using System.IO.Compression;
using Briefings.Documents;
using Xunit;

namespace Briefings.Docx.Tests;

public class PackageTests
{
    [Fact]
    public void Properties_carry_title_subject_creator_keywords_language_and_the_as_of_date()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var properties = word.PackageProperties;
        Assert.Equal("Lukashenko in Beijing", properties.Title);
        Assert.Equal("Belarus–China relations", properties.Subject);
        Assert.Equal("East Asia Desk", properties.Creator);
        Assert.Equal("Belarus; China; SCO; Лукашенко; 习近平", properties.Keywords);
        Assert.Equal("en-GB", properties.Language);
        var asOf = new DateTime(2023, 12, 4, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(asOf, properties.Created?.ToUniversalTime());
        Assert.Equal(asOf, properties.Modified?.ToUniversalTime());
    }

    [Fact]
    public void Extended_properties_name_the_application_and_word_hyphenates()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var app = word.ExtendedFilePropertiesPart!.Properties!;
        Assert.Equal("Briefings", app.Application!.Text);
        Assert.Equal("0", app.DocumentSecurity!.Text);
        Assert.NotNull(word.MainDocumentPart!.DocumentSettingsPart!.Settings!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.AutoHyphenation>());
    }

    [Fact]
    public void Marking_and_audience_are_custom_properties()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var custom = word.CustomFilePropertiesPart!.Properties!
            .Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>()
            .ToDictionary(p => p.Name!.Value!, p => p.InnerText);
        Assert.Equal("OFFICIAL — INTERNAL USE ONLY", custom["Marking"]);
        Assert.Equal("internal", custom["Audience"]);

        using var unmarked = Render.Open(SampleDocuments.Empty());
        Assert.Null(unmarked.CustomFilePropertiesPart);
    }

    [Fact]
    public void Without_an_as_of_date_no_clock_time_enters_the_properties()
    {
        using var word = Render.Open(SampleDocuments.EdgeCases());
        Assert.Null(word.PackageProperties.Created);
        Assert.Null(word.PackageProperties.Modified);
        Assert.Equal("Edge cases", word.PackageProperties.Title);
    }

    [Fact]
    public void Rendering_twice_gives_identical_bytes()
    {
        foreach (var document in new[] { SampleDocuments.VisitBrief(), SampleDocuments.EdgeCases(), SampleDocuments.Empty() })
            Assert.Equal(Render.Bytes(document), Render.Bytes(document));
    }

    [Fact]
    public void Bytes_do_not_depend_on_the_machine_s_culture()
    {
        var expected = Render.Bytes(SampleDocuments.VisitBrief());
        var original = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            foreach (var name in new[] { "de-DE", "ar-SA", "ru-RU", "zh-CN" })
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(name);
                Assert.Equal(expected, Render.Bytes(SampleDocuments.VisitBrief()));
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Zip_entries_carry_the_as_of_date_in_a_fixed_order()
    {
        using var zip = new ZipArchive(new MemoryStream(Render.Bytes(SampleDocuments.VisitBrief())));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal("[Content_Types].xml", names[0]);
        Assert.Equal(names.Skip(1).Order(StringComparer.Ordinal), names.Skip(1));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2023, 12, 4), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Zip_entries_of_an_undated_document_carry_the_zip_epoch()
    {
        using var zip = new ZipArchive(new MemoryStream(Render.Bytes(SampleDocuments.Empty())));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Relationship_ids_are_named_not_random()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var ids = word.Parts.Select(p => p.RelationshipId)
            .Concat(word.MainDocumentPart!.Parts.Select(p => p.RelationshipId))
            .Concat(word.MainDocumentPart.HyperlinkRelationships.Select(r => r.Id))
            .ToList();
        Assert.All(ids, id => Assert.Matches("^rId[A-Z][A-Za-z]*[0-9]*$", id));
    }

    [Fact]
    public void Writer_registers_as_the_docx_format()
    {
        IDocumentWriter writer = new DocxDocumentWriter();
        Assert.Equal("docx", writer.Format);
    }
}
