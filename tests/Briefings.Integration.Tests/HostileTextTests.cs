using System.Text;
using Briefings.Cli;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using Xunit;

namespace Briefings.Integration.Tests;

/// <summary>
/// Record text that once broke whole packs, run through the command line to Markdown, PDF and Word:
/// each prints literally where it can, and a format that cannot draw it reports the item without
/// costing the other formats.
/// </summary>
public sealed class HostileTextTests : IDisposable
{
    private const string Meeting = "2023-12-04-xi-lukashenko";
    private const string Pack = "visit-" + Meeting;
    private readonly string root = Path.Combine(Path.GetTempPath(), "briefings-hostile-" + Guid.NewGuid().ToString("N"));

    public HostileTextTests()
    {
        var data = Path.Combine(Repository.Root, "data");
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, "data", Path.GetRelativePath(data, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    private string Data => Path.Combine(root, "data");
    private string Output(string extension) => Path.Combine(root, "out", Pack, $"{Pack}.{extension}");

    private void Edit(string relative, string oldText, string newText)
    {
        var path = Path.Combine(Data, relative);
        var content = File.ReadAllText(path);
        Assert.Contains(oldText, content);
        File.WriteAllText(path, content.Replace(oldText, newText, StringComparison.Ordinal));
    }

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private (int Exit, string Out, string Err) Visit() =>
        Run("visit", Meeting, "--data", Data, "--templates", Path.Combine(Repository.Root, "templates"),
            "--out", Path.Combine(root, "out"), "--format", "md,pdf,docx");

    private static string PdfText(string path)
    {
        using var pdf = PdfDocument.Open(path);
        return string.Join("\n", pdf.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
    }

    private static string DocxText(string path)
    {
        using var docx = WordprocessingDocument.Open(path, false);
        var parts = new StringBuilder(docx.MainDocumentPart!.Document!.Body!.InnerText);
        foreach (var header in docx.MainDocumentPart.HeaderParts) parts.Append('\n').Append(header.Header!.InnerText);
        return parts.ToString();
    }

    [Fact]
    public void Colons_render_literally_in_every_format()
    {
        Edit("meetings/2023-12-04-xi-lukashenko.yaml", "venue: Diaoyutai State Guesthouse", "venue: \"Diaoyutai a ::x:: b\"");
        Edit("meetings/2023-12-04-xi-lukashenko.yaml", "  - political trust", "  - \"::: warning\"\n  - \"a:::b ::\"");
        Edit("meetings/2023-12-04-xi-lukashenko.yaml", "topics: [political trust]", "topics: [\"a:::b ::\"]");

        var (exit, _, error) = Visit();

        Assert.True(exit == 0, error);
        var markdown = File.ReadAllText(Output("md"));
        Assert.Contains(@"Diaoyutai a \:\:x\:\: b", markdown);
        foreach (var text in new[] { PdfText(Output("pdf")), DocxText(Output("docx")) })
        {
            Assert.Contains("Diaoyutai a ::x:: b", text);
            Assert.Contains("::: warning", text);
            Assert.Contains("a:::b ::", text);
        }
    }

    [Fact]
    public void Bidi_controls_cannot_reach_past_their_item()
    {
        Edit("meetings/2023-12-04-xi-lukashenko.yaml", "venue: Diaoyutai State Guesthouse", "venue: \"Diaoyutai \u202EState\u2067 Guesthouse\u200F\"");
        Edit("meetings/2023-12-04-xi-lukashenko.yaml", "title: Xi Jinping holds talks", "title: \u202EXi Jinping holds talks");

        var (exit, _, error) = Visit();

        Assert.True(exit == 0, error);
        var controls = new[] { '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C' };
        foreach (var text in new[] { File.ReadAllText(Output("md")), PdfText(Output("pdf")), DocxText(Output("docx")) })
        {
            Assert.Contains("Diaoyutai State Guesthouse", text);
            Assert.Equal(-1, text.IndexOfAny(controls));
        }
        // The validation names them where they are.
        var (validateExit, validation, _) = Run("validate", "--data", Data);
        Assert.Equal(0, validateExit);
        Assert.Contains("2023-12-04-xi-lukashenko.yaml:13:10: warning REC021", validation);
    }

    [Fact]
    public void An_emoji_fails_only_the_pdf_naming_the_item_and_the_other_formats_are_written()
    {
        Edit("meetings/2023-12-04-xi-lukashenko.yaml", "  - political trust", "  - political trust \U0001F91D");
        Edit("meetings/2023-12-04-xi-lukashenko.yaml", "topics: [political trust]", "topics: [political trust \U0001F91D]");

        var (exit, output, error) = Visit();

        Assert.Equal(1, exit);
        Assert.Contains($"{Pack}.pdf: error", error);
        Assert.Contains("political trust", error, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Output("pdf")));
        // The agenda is capitalised in the brief ("Political trust").
        Assert.Contains("political trust \U0001F91D", File.ReadAllText(Output("md")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("political trust \U0001F91D", DocxText(Output("docx")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Output("docx"), output);
        Assert.Contains(Output("md"), output);

        // Validation warned first, at the item, naming the script and a font that draws it.
        var (validateExit, validation, _) = Validate();
        Assert.Equal(0, validateExit);
        Assert.Contains("2023-12-04-xi-lukashenko.yaml:20:5: warning REC023: 'topics' in meeting has emoji text (U+1F91D)", validation);
        Assert.Contains("Noto Emoji", validation);
    }

    private (int Exit, string Out, string Err) Validate() =>
        Run("validate", "--data", Data, "--templates", Path.Combine(Repository.Root, "templates"));

    [Fact]
    public void A_word_longer_than_a_line_is_warned_about_and_never_costs_the_other_formats()
    {
        var word = new string('X', 2_000);
        Edit("meetings/2023-12-04-xi-lukashenko.yaml", "venue: Diaoyutai State Guesthouse", "venue: " + word);

        var (validateExit, validation, _) = Validate();
        Assert.Equal(0, validateExit);
        Assert.Contains("2023-12-04-xi-lukashenko.yaml:13:10: warning REC024: 'venue' in place has a word of 2000 characters", validation);

        var (exit, _, error) = Visit();
        // The PDF either sets it (broken across lines) or reports it; Word and Markdown always carry it.
        Assert.True(exit == 0 || (exit == 1 && error.Contains($"{Pack}.pdf: error", StringComparison.Ordinal)), error);
        Assert.Contains(word, File.ReadAllText(Output("md")));
        Assert.Contains(word, DocxText(Output("docx")));
    }

    [Fact]
    public void Arabic_names_render_to_pdf_with_the_bundled_font()
    {
        Edit("meetings/2023-12-04-xi-lukashenko.yaml", "venue: Diaoyutai State Guesthouse", "venue: قصر الضيافة");

        var (exit, _, error) = Visit();

        Assert.True(exit == 0, error);
        using var pdf = PdfDocument.Open(Output("pdf"));
        var arabic = pdf.GetPages().SelectMany(p => p.Letters).Where(l => l.Value.Any(c => c is >= '\u0600' and <= '\u06FF')).ToList();
        Assert.NotEmpty(arabic);
        Assert.All(arabic, l => Assert.Contains("NotoNaskhArabic", l.FontName));
        var (validateExit, validation, _) = Validate();
        Assert.Equal(0, validateExit);
        // (Chinese aliases in the samples may be reported on a machine without CJK fonts; Arabic never is.)
        Assert.DoesNotContain("Arabic text", validation);
    }

    [Fact]
    public void Text_in_a_script_the_fonts_lack_is_a_located_warning()
    {
        // A theme whose only fallback is the bundled Arabic face: Khmer is drawn by none of its fonts.
        var templates = Path.Combine(root, "templates");
        Directory.CreateDirectory(templates);
        File.WriteAllText(Path.Combine(templates, "theme.yaml"), "fonts:\n  fallback: []\n");
        Edit("countries/KHM.yaml", "aliases: [Kampuchea]", "aliases: [Kampuchea, កម្ពុជា]");

        var (exit, validation, _) = Run("validate", "--data", Data, "--templates", templates);

        Assert.Equal(0, exit);
        Assert.Contains("KHM.yaml:", validation);
        Assert.Contains("warning REC023: 'aliases' in country has Khmer text (U+1780) that the theme's fonts cannot draw", validation);
        Assert.Contains("Noto Sans Khmer", validation);
    }
}
