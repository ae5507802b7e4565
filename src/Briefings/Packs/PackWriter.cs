using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Briefings.Documents;

namespace Briefings.Packs;

/// <summary>A file the writer produced.</summary>
public sealed record WrittenFile(string Path, string Format, string Sha256, long Bytes);

/// <summary>
/// Writes a rendered pack into <c>OUT/&lt;pack&gt;/</c>: one file per format plus <c>manifest.json</c>.
/// Every format is rendered in memory first, so a writer that fails leaves no file of its format behind;
/// the formats that did render are still written (one character the PDF cannot draw must not cost the
/// .docx and the Markdown, which carry it as text), and the failure is then reported. Each file is
/// written to a temporary name in the same folder and renamed into place.
/// </summary>
public static class PackWriter
{
    public const string ManifestName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <returns>The files written, the manifest last.</returns>
    /// <exception cref="PackException">when a writer cannot render the document: the other formats and the manifest
    /// are written first, and listed in <see cref="PackException.Written"/>.</exception>
    public static IReadOnlyList<WrittenFile> Write(RenderedPack pack, string outputRoot, IReadOnlyList<PackFormat> formats)
    {
        var rendered = new List<(PackFormat Format, byte[] Bytes)>();
        var problems = new List<string>();
        foreach (var format in formats.DistinctBy(f => f.Name))
        {
            try
            {
                using var buffer = new MemoryStream();
                format.Write(pack, buffer);
                rendered.Add((format, buffer.ToArray()));
            }
            catch (DocumentWriteException e)
            {
                problems.Add($"{pack.Name}.{format.Extension}: error: {e.Message}");
            }
        }
        if (rendered.Count == 0 && problems.Count > 0)
            throw new PackException(problems);

        var folder = Path.Combine(outputRoot, pack.Name);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The system's message alone ("Could not find file '/x'") does not say what was being done.
            throw new PackException([$"{folder}: error: cannot create the output folder: {e.Message}"]);
        }
        var written = new List<WrittenFile>();
        foreach (var (format, bytes) in rendered)
        {
            var path = Path.Combine(folder, $"{pack.Name}.{format.Extension}");
            WriteAtomically(path, bytes);
            written.Add(new WrittenFile(path, format.Name, Sha256(bytes), bytes.LongLength));
        }

        var manifest = Encoding.UTF8.GetBytes(ManifestJson(pack, written).ReplaceLineEndings("\n") + "\n");
        var manifestPath = Path.Combine(folder, ManifestName);
        WriteAtomically(manifestPath, manifest);
        written.Add(new WrittenFile(manifestPath, "manifest", Sha256(manifest), manifest.LongLength));
        if (problems.Count > 0)
            throw new PackException(problems) { Written = written };
        return written;
    }

    private static string ManifestJson(RenderedPack pack, IReadOnlyList<WrittenFile> outputs) => JsonSerializer.Serialize(new
    {
        Pack = pack.Name,
        pack.Kind,
        pack.Subject,
        AsOf = pack.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Audience = pack.Audience.Name(),
        Outputs = outputs.Select(o => new { File = Path.GetFileName(o.Path), o.Format, o.Bytes, o.Sha256 }),
        Templates = pack.Templates.Select(t => new { t.Path, t.Sha256 }),
        Records = pack.Records.Select(r => new { Path = r.Path.Replace('\\', '/'), r.Sha256 }),
    }, Json);

    /// <summary>Writes to a hidden temporary file in the same folder, then renames it over the target.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
