using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Briefings.Documents;
using Microsoft.IO;

namespace Briefings.Packs;

/// <summary>A file the writer produced; <see cref="Pages"/> for paged formats (PDF).</summary>
public sealed record WrittenFile(string Path, string Format, string Sha256, long Bytes, int? Pages = null);

/// <summary>
/// Writes a rendered pack into <c>OUT/&lt;pack&gt;/</c>: one file per format plus <c>manifest.json</c>.
/// Every format is rendered in memory first, so a writer that fails leaves no file of its format behind;
/// the formats that did render are still written (one character the PDF cannot draw must not cost the
/// .docx and the Markdown, which carry it as text), and the failure is then reported. The files and the
/// manifest are written into a hidden staging folder beside the pack's folder, which replaces the old
/// folder as a whole (<see cref="PackFolder"/>): the files and the manifest always agree, files of formats
/// no longer asked for go with the old folder, and an interrupted run leaves either the old pack or the new one.
/// </summary>
public static class PackWriter
{
    /// <summary>File name of the manifest in each pack folder: the pack's inputs, options and files with their hashes.</summary>
    public const string ManifestName = "manifest.json";

    /// <summary>Writes the pack's files in each format, then its manifest, replacing its folder under the output root as a whole.</summary>
    /// <param name="pack">The rendered pack.</param>
    /// <param name="outputRoot">The folder that holds the pack's folder.</param>
    /// <param name="formats">The formats to write, in order (each once).</param>
    /// <returns>The files written (at their final paths), the manifest last.</returns>
    /// <param name="parallel">Render the formats at the same time, one thread each: right for a single pack on a
    /// machine with cores to spare; a batch, which already renders packs side by side, renders each pack's formats
    /// one after another. The bytes are the same either way.</param>
    /// <exception cref="PackException">when a writer cannot render the document: the other formats and the manifest
    /// are written first, and listed in <see cref="PackException.Written"/>.</exception>
    public static IReadOnlyList<WrittenFile> Write(RenderedPack pack, string outputRoot, IReadOnlyList<PackFormat> formats, bool parallel = false)
    {
        var distinct = formats.DistinctBy(f => f.Name).ToList();
        var outcomes = new (Stream? Bytes, int? Pages, IReadOnlyList<Diagnostic> Problems)[distinct.Count];
        try
        {
            return Write(pack, outputRoot, formats, parallel, distinct, outcomes);
        }
        finally
        {
            foreach (var outcome in outcomes)
                outcome.Bytes?.Dispose();
        }
    }

    /// <summary>
    /// Where each format's file is rendered before it is written: pooled 64 KiB blocks rather than an array that
    /// doubles as it grows and is then copied. A file is hundreds of KB, so each of those arrays went to the large
    /// object heap, and a batch of a thousand packs fragmented it (the process's memory grew with the number of
    /// packs). At most 4 MiB of free blocks are kept.
    /// </summary>
    private static readonly RecyclableMemoryStreamManager Buffers = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 64 << 10,
        MaximumSmallPoolFreeBytes = 4 << 20,
        MaximumLargePoolFreeBytes = 4 << 20,
    });

    private static IReadOnlyList<WrittenFile> Write(RenderedPack pack, string outputRoot, IReadOnlyList<PackFormat> formats, bool parallel,
        List<PackFormat> distinct, (Stream? Bytes, int? Pages, IReadOnlyList<Diagnostic> Problems)[] outcomes)
    {
        void Render(int i)
        {
            var format = distinct[i];
            var buffer = Buffers.GetStream(format.Name);
            try
            {
                var pages = format.WriteTo(pack, buffer);
                outcomes[i] = (buffer, pages, []);
            }
            catch (DocumentWriteException e)
            {
                buffer.Dispose();
                outcomes[i] = (null, null, e.Diagnostics.Select(d => d.InFile($"{pack.Name}.{format.Extension}")).ToList());
            }
            catch
            {
                buffer.Dispose();
                throw;
            }
        }
        if (parallel && distinct.Count > 1 && Environment.ProcessorCount > 1)
        {
            try
            {
                Parallel.For(0, distinct.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, Render);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // A writer's unexpected failure surfaces as it would without threads.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }
        }
        else
            for (int i = 0; i < distinct.Count; i++)
                Render(i);

        // Results in the order the formats were asked for, whatever order the threads finished in.
        var rendered = new List<(PackFormat Format, Stream Bytes, int? Pages)>();
        var problems = new List<Diagnostic>();
        for (int i = 0; i < distinct.Count; i++)
        {
            if (outcomes[i].Bytes is { } bytes)
                rendered.Add((distinct[i], bytes, outcomes[i].Pages));
            problems.AddRange(outcomes[i].Problems);
        }
        if (rendered.Count == 0 && problems.Count > 0)
            throw new PackException(problems);

        var folder = Path.Combine(outputRoot, pack.Name);
        var staging = PackFolder.Stage(outputRoot, pack.Name);
        var written = new List<WrittenFile>();
        try
        {
            foreach (var (format, bytes, pages) in rendered)
            {
                var name = $"{pack.Name}.{format.Extension}";
                PackFolder.WriteFile(Path.Combine(staging, name), bytes);
                written.Add(new WrittenFile(Path.Combine(folder, name), format.Name, FileHashes.Of(bytes), bytes.Length, pages));
            }
            var manifest = Encoding.UTF8.GetBytes(ManifestJson(pack, written, formats).ReplaceLineEndings("\n") + "\n");
            PackFolder.WriteFile(Path.Combine(staging, ManifestName), manifest);
            written.Add(new WrittenFile(Path.Combine(folder, ManifestName), "manifest", FileHashes.Of(manifest), manifest.LongLength));
            PackFolder.Commit(staging, folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            PackFolder.Discard(staging);
            throw new PackException([Diagnostic.ErrorAt(folder, PackCodes.CannotWrite, $"cannot write the pack: {e.Message}")]);
        }
        catch
        {
            PackFolder.Discard(staging);
            throw;
        }
        if (problems.Count > 0)
            throw new PackException(problems) { Written = written };
        return written;
    }

    /// <summary>
    /// What decides the bytes of a pack's files besides its records and templates: the library's build and each
    /// format writer's build. Recorded in the manifest as <c>inputs.tool</c>.
    /// </summary>
    public static string ToolFingerprint(IEnumerable<PackFormat> formats)
    {
        var library = typeof(PackWriter).Assembly;
        var version = library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        var parts = new List<string>
        {
            $"briefings {version}",
            $"library:{library.ManifestModule.ModuleVersionId:N}",
            $"documents:{typeof(Document).Assembly.ManifestModule.ModuleVersionId:N}",
        };
        parts.AddRange(formats.DistinctBy(f => f.Name).OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.Fingerprint));
        return string.Join(" ", parts);
    }

    /// <summary>The options that shape a pack's content, as recorded in its manifest.</summary>
    internal static PackOptionsRecord OptionsOf(RenderedPack pack, IEnumerable<PackFormat> formats) => new(
        formats.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal).ToList(),
        pack.Audience.Name(),
        pack.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static string ManifestJson(RenderedPack pack, IReadOnlyList<WrittenFile> outputs, IReadOnlyList<PackFormat> formats) =>
        JsonSerializer.Serialize(new PackManifest(
            pack.Name,
            pack.Kind,
            pack.Subject,
            pack.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            pack.Audience.Name(),
            outputs.Select(o => new ManifestOutput(Path.GetFileName(o.Path), o.Format, o.Bytes, o.Sha256, o.Pages)).ToList(),
            pack.Templates.Select(t => new ManifestInput(t.Path, t.Sha256)).ToList(),
            pack.Records.Select(r => new ManifestInput(r.Path.Replace('\\', '/'), r.Sha256)).ToList(),
            new ManifestInputs(ToolFingerprint(formats), OptionsOf(pack, formats), pack.RecordShape)), PackJsonContext.Files.PackManifest);

    /// <summary>Writes to a hidden temporary file in the same folder, then renames it over the target.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(folder, PackFolder.TemporaryName(Path.GetFileName(path), "tmp"));
        try
        {
            PackFolder.WriteFile(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
