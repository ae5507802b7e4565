using Briefings.Cli;
using Xunit;

namespace Briefings.Packs.Tests;

public class CommandTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.Run([.. args, "--data", Repository.Data, "--templates", Repository.Templates, "--out", folder.Path], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void VisitPrintsEveryPathItWrote()
    {
        var (exit, output, error) = Run("visit", "2023-12-04-xi-lukashenko", "--format", "md");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var paths = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, paths.Length);
        Assert.All(paths, p => Assert.True(File.Exists(p), p));
        Assert.EndsWith("visit-2023-12-04-xi-lukashenko.md", paths[0]);
        Assert.Contains("Diaoyutai State Guesthouse", File.ReadAllText(paths[0]));
    }

    [Fact]
    public void CountryWithAsOfAndPublicAudience()
    {
        var (exit, output, _) = Run("country", "KAZ", "--as-of", "2022-09-30", "--audience", "public", "--format", "md");
        Assert.Equal(0, exit);
        var markdown = File.ReadAllText(output.Split('\n')[0]);
        Assert.Contains("marking: \"PUBLIC\"", markdown);
        Assert.Contains("14 September 2022", markdown);
        Assert.Contains("30 years of relations", markdown);
    }

    [Fact]
    public void DefaultFormatsArePdfAndWord()
    {
        var (exit, output, error) = Run("visit", "2023-12-04-xi-lukashenko");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var paths = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([".pdf", ".docx", ".json"], paths.Select(Path.GetExtension));
        Assert.StartsWith("%PDF", File.ReadAllText(paths[0])[..4]);
        Assert.Equal("PK", File.ReadAllText(paths[1])[..2]);
    }

    [Fact]
    public void PdfProfileChoosesWhatThePdfClaims()
    {
        // The XMP metadata stream is left uncompressed, so its declarations can be read from the bytes.
        var (exit, output, _) = Run("visit", "2023-12-04-xi-lukashenko", "--format", "pdf");
        Assert.Equal(0, exit);
        var standard = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(output.Split('\n')[0].Trim()));
        Assert.Contains("<pdfaid:part>2</pdfaid:part>", standard);
        Assert.Contains("<pdfuaid:part>1</pdfuaid:part>", standard);

        (exit, output, _) = Run("visit", "2023-12-04-xi-lukashenko", "--format", "pdf", "--pdf-profile", "pdfa-2u");
        Assert.Equal(0, exit);
        var archival = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(output.Split('\n')[0].Trim()));
        Assert.Contains("<pdfaid:conformance>U</pdfaid:conformance>", archival);
        Assert.DoesNotContain("pdfuaid", archival);

        (exit, output, _) = Run("visit", "2023-12-04-xi-lukashenko", "--format", "pdf", "--pdf-profile", "plain");
        Assert.Equal(0, exit);
        var plain = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(output.Split('\n')[0].Trim()));
        Assert.DoesNotContain("pdfaid", plain);
        Assert.DoesNotContain("pdfuaid", plain);
    }

    [Fact]
    public void UnknownPdfProfileIsAUsageErrorNamingTheChoices()
    {
        var (exit, output, error) = Run("visit", "2023-12-04-xi-lukashenko", "--pdf-profile", "pdfa-3b");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("Unknown PDF profile 'pdfa-3b'", error);
        Assert.Contains("pdfa-2b", error);
    }

    [Fact]
    public void UnknownMeetingExitsWithOneAndTheNearestMatches()
    {
        var (exit, output, error) = Run("visit", "2023-12-04-lukashenko");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("unknown meeting '2023-12-04-lukashenko'; nearest: 2023-12-04-xi-lukashenko", error);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void UnknownCountryExitsWithOne()
    {
        var (exit, _, error) = Run("country", "Kazakstann");
        Assert.Equal(1, exit);
        Assert.Contains("nearest: KAZ (Kazakhstan)", error);
    }

    [Fact]
    public void UnknownFormatIsAUsageError()
    {
        var (exit, _, error) = Run("visit", "2023-12-04-xi-lukashenko", "--format", "md,odt");
        Assert.Equal(2, exit);
        Assert.Contains("unknown format 'odt'", error);
    }
}
