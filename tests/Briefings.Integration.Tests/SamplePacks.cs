using System.Collections.Concurrent;
using Briefings.Docx;
using Briefings.Packs;
using Briefings.Pdf;
using Briefings.Records;

namespace Briefings.Integration.Tests;

/// <summary>
/// The sample packs: a visit brief for every sample meeting and a profile of every sample country, from the
/// records in data/ and the shipped templates. Each is rendered once per test run, to Word and (when a test
/// asks for it) to PDF.
/// </summary>
internal static class SamplePacks
{
    /// <summary>Country profiles default to today; a fixed as-of date keeps them reproducible.</summary>
    public static readonly DateOnly ProfileAsOf = new(2024, 1, 1);

    /// <summary>The records in data/, read once for both the list of packs and the renderer.</summary>
    private static readonly Lazy<LoadResult> Records = new(() => RecordLoader.Load(Path.Combine(Repository.Root, "data")));

    private static readonly Lazy<PackRenderer> Renderer = new(() =>
    {
        var load = Records.Value;
        if (load.HasErrors)
            throw new InvalidOperationException($"sample records have {load.ErrorCount} errors");
        return new PackRenderer(load.Records, Path.Combine(Repository.Root, "templates"), ProfileAsOf);
    });

    private static readonly ConcurrentDictionary<string, Rendered> Cache = new();

    public static IEnumerable<object[]> Names()
    {
        var records = Records.Value.Records;
        foreach (var meeting in records.Meetings.Keys.Order(StringComparer.Ordinal))
            yield return [$"visit {meeting}"];
        foreach (var country in records.Countries.Keys.Order(StringComparer.Ordinal))
            yield return [$"country {country}"];
    }

    /// <summary>
    /// The packs both writers can render. China's own profile quotes its name in Chinese characters, which
    /// the PDF writer's bundled fonts cannot draw (it reports that as an error, as designed).
    /// </summary>
    public static IEnumerable<object[]> NamesWithPdf() => Names().Where(n => (string)n[0] != "country CHN");

    public static Rendered Get(string name) => Cache.GetOrAdd(name, Render);

    private static Rendered Render(string name)
    {
        var (kind, subject) = (name[..name.IndexOf(' ')], name[(name.IndexOf(' ') + 1)..]);
        PackRequest request = kind == "visit"
            ? new VisitPackRequest(subject)
            : new CountryPackRequest(subject) { AsOf = ProfileAsOf };
        var pack = Renderer.Value.Render(request);
        return new Rendered(pack, Write(new DocxDocumentWriter(), pack), new Lazy<byte[]>(() => Write(new PdfDocumentWriter(), pack)));
    }

    public static byte[] Write(Documents.IDocumentWriter writer, RenderedPack pack)
    {
        using var output = new MemoryStream();
        writer.Write(pack.Document, pack.Theme, output);
        return output.ToArray();
    }

    public sealed record Rendered(RenderedPack Pack, byte[] Docx, Lazy<byte[]> Pdf);
}

/// <summary>Paths into the source checkout.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Briefings.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Briefings.sln not found above " + AppContext.BaseDirectory);
    }
}
