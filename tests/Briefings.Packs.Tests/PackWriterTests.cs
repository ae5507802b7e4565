using System.Security.Cryptography;
using System.Text.Json;
using Briefings.Documents;
using Briefings.Records;
using Xunit;

namespace Briefings.Packs.Tests;

public class PackWriterTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 1, 15);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static RenderedPack Lukashenko() =>
        new PackRenderer(RecordLoader.Load(Repository.Data).Records, Repository.Templates, Today)
            .Render(new VisitPackRequest("2023-12-04-xi-lukashenko"));

    [Fact]
    public void WritesThePackAndAManifestWithHashes()
    {
        var pack = Lukashenko();
        var written = PackWriter.Write(pack, folder.Path, [PackFormat.Markdown]);

        var packFolder = Path.Combine(folder.Path, "visit-2023-12-04-xi-lukashenko");
        Assert.Equal(
            [Path.Combine(packFolder, "visit-2023-12-04-xi-lukashenko.md"), Path.Combine(packFolder, "manifest.json")],
            written.Select(w => w.Path));
        Assert.Equal(pack.Markdown, File.ReadAllText(written[0].Path));
        Assert.Equal(["manifest.json", "visit-2023-12-04-xi-lukashenko.md"], Directory.GetFiles(packFolder).Select(Path.GetFileName).Order());

        using var manifest = JsonDocument.Parse(File.ReadAllText(written[1].Path));
        var root = manifest.RootElement;
        Assert.Equal("visit-2023-12-04-xi-lukashenko", root.GetProperty("pack").GetString());
        // A brief defaults to everything known on the renderer's today (2026-01-15 here).
        Assert.Equal("2026-01-15", root.GetProperty("as_of").GetString());
        var output = Assert.Single(root.GetProperty("outputs").EnumerateArray());
        Assert.Equal(Hash(File.ReadAllBytes(written[0].Path)), output.GetProperty("sha256").GetString());
        var templates = root.GetProperty("templates").EnumerateArray().Select(t => t.GetProperty("path").GetString()).ToList();
        Assert.Equal(["templates/theme.yaml", "templates/visit-brief.sbn"], templates);
        var records = root.GetProperty("records").EnumerateArray().ToList();
        Assert.Contains(records, r => r.GetProperty("path").GetString()!.EndsWith("meetings/2023-12-04-xi-lukashenko.yaml"));
        Assert.Contains(records, r => r.GetProperty("path").GetString()!.EndsWith("meetings/2023-03-01-xi-lukashenko.yaml"));
        foreach (var record in records)
            Assert.Equal(Hash(File.ReadAllBytes(record.GetProperty("path").GetString()!)), record.GetProperty("sha256").GetString());
    }

    [Fact]
    public void SameInputsGiveByteIdenticalFiles()
    {
        var first = PackWriter.Write(Lukashenko(), Path.Combine(folder.Path, "a"), [PackFormat.Markdown]);
        var second = PackWriter.Write(Lukashenko(), Path.Combine(folder.Path, "b"), [PackFormat.Markdown]);
        Assert.Equal(first.Select(f => f.Sha256), second.Select(f => f.Sha256));
        for (var i = 0; i < first.Count; i++)
            Assert.Equal(File.ReadAllBytes(first[i].Path), File.ReadAllBytes(second[i].Path));
    }

    [Fact]
    public void FormatsRenderedSideBySideGiveTheSameFilesInTheSameOrder()
    {
        var pack = Lukashenko();
        PackFormat[] formats = [PackFormat.FromWriter(new Briefings.Pdf.PdfDocumentWriter()), PackFormat.FromWriter(new Briefings.Docx.DocxDocumentWriter()), PackFormat.Markdown];
        var one = PackWriter.Write(pack, Path.Combine(folder.Path, "one"), formats);
        var parallel = PackWriter.Write(pack, Path.Combine(folder.Path, "parallel"), formats, parallel: true);
        Assert.Equal(one.Select(f => (Path.GetFileName(f.Path), f.Format, f.Sha256, f.Pages)), parallel.Select(f => (Path.GetFileName(f.Path), f.Format, f.Sha256, f.Pages)));
        Assert.Equal(["pdf", "docx", "md", "manifest"], parallel.Select(f => f.Format));
        for (var i = 0; i < one.Count; i++)
            Assert.Equal(File.ReadAllBytes(one[i].Path), File.ReadAllBytes(parallel[i].Path));
    }

    [Fact]
    public void AnOutputFolderThatCannotBeMadeIsAClearError()
    {
        var blocker = Path.Combine(folder.Path, "not-a-folder");
        File.WriteAllText(blocker, "a file where the output folder should go");
        var e = Assert.Throws<PackException>(() => PackWriter.Write(Lukashenko(), blocker, [PackFormat.Markdown]));
        var problem = Assert.Single(e.Problems);
        Assert.StartsWith(Path.Combine(blocker, "visit-2023-12-04-xi-lukashenko") + ": error PACK005: cannot create the output folder", problem);
    }

    [Fact]
    public void AFailingWriterLeavesNoFileOfItsFormatAndTheOtherFormatsAreWritten()
    {
        var failing = new PackFormat("broken", "broken", (_, stream) =>
        {
            stream.Write(new byte[100]);
            throw new DocumentWriteException(DocumentCodes.PdfNoGlyph, "no font can draw 'x'");
        });
        var e = Assert.Throws<PackException>(() => PackWriter.Write(Lukashenko(), folder.Path, [PackFormat.Markdown, failing]));
        // The writer's diagnostic, placed in the file it would have written, printed as is.
        var problem = Assert.Single(e.Diagnostics);
        Assert.Equal(new Diagnostic("visit-2023-12-04-xi-lukashenko.broken", 0, 0, Severity.Error, DocumentCodes.PdfNoGlyph, "no font can draw 'x'"), problem);
        Assert.Equal("visit-2023-12-04-xi-lukashenko.broken: error PDF001: no font can draw 'x'", Assert.Single(e.Problems));
        var packFolder = Path.Combine(folder.Path, "visit-2023-12-04-xi-lukashenko");
        Assert.Equal(["manifest.json", "visit-2023-12-04-xi-lukashenko.md"],
            Directory.GetFileSystemEntries(folder.Path, "*", SearchOption.AllDirectories).Where(File.Exists).Select(Path.GetFileName).Order());
        Assert.Equal([Path.Combine(packFolder, "visit-2023-12-04-xi-lukashenko.md"), Path.Combine(packFolder, "manifest.json")],
            e.Written.Select(w => w.Path));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(packFolder, "manifest.json")));
        Assert.Equal("md", Assert.Single(manifest.RootElement.GetProperty("outputs").EnumerateArray()).GetProperty("format").GetString());
    }

    [Fact]
    public void WhenEveryWriterFailsNothingIsWritten()
    {
        var failing = new PackFormat("broken", "broken", (_, _) => throw new DocumentWriteException(DocumentCodes.PdfNoGlyph, "no font can draw 'x'"));
        var e = Assert.Throws<PackException>(() => PackWriter.Write(Lukashenko(), folder.Path, [failing]));
        Assert.Single(e.Problems);
        Assert.Empty(e.Written);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void RewritingReplacesFilesWithoutTemporaryLeftovers()
    {
        PackWriter.Write(Lukashenko(), folder.Path, [PackFormat.Markdown]);
        PackWriter.Write(Lukashenko(), folder.Path, [PackFormat.Markdown]);
        var files = Directory.GetFiles(Path.Combine(folder.Path, "visit-2023-12-04-xi-lukashenko"));
        Assert.Equal(2, files.Length);
        Assert.DoesNotContain(files, f => Path.GetFileName(f).StartsWith('.'));
    }

    [Fact]
    public async Task PreparationRunsEveryWriterWithTheFolderThemeAndOutlivesOneThatFails()
    {
        if (Environment.ProcessorCount < 2)
            return; // nothing is prepared ahead on a single core
        var themeFolder = Path.Combine(folder.Path, "templates");
        Directory.CreateDirectory(themeFolder);
        File.WriteAllText(Path.Combine(themeFolder, "theme.yaml"), "fonts:\n  body: Noto Sans\n");
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        PackFormat Format(string name, Action<Theme?> prepare) =>
            new(name, name, (_, _) => { }) { Preparation = prepare };
        var formats = new[]
        {
            Format("a", _ => throw new InvalidOperationException("a writer that cannot prepare")),
            Format("b", theme => seen.Enqueue($"b:{theme?.Fonts.Body}")),
            PackFormat.Markdown,
        };

        await PackStartUp.Prepare(formats, themeFolder);
        Assert.Equal(["b:Noto Sans"], seen);

        // A folder without a readable theme: the writers prepare what does not depend on it.
        File.WriteAllText(Path.Combine(themeFolder, "theme.yaml"), "fonts: [not, a, mapping]\n");
        await PackStartUp.Prepare(formats, themeFolder);
        await PackStartUp.Prepare(formats, null);
        Assert.Equal(["b:Noto Sans", "b:", "b:"], seen);
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
