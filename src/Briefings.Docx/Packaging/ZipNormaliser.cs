using System.IO.Compression;

namespace Briefings.Docx.Packaging;

/// <summary>
/// System.IO.Packaging stamps every zip entry with the current time, so two renders of the same document
/// differ. The package is re-written entry by entry with one fixed timestamp and a fixed entry order
/// ([Content_Types].xml first, as Word writes it, then by name), which makes output byte-identical.
/// </summary>
internal static class ZipNormaliser
{
    /// <summary>The earliest time a zip entry can carry; used when the document has no as-of date.</summary>
    public static readonly DateTimeOffset ZipEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Rewrite(Stream package, Stream output, DateTimeOffset timestamp)
    {
        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var entries = source.Entries
            .OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1)
            .ThenBy(e => e.FullName, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            // PNG pictures are deflated already: compressing them again costs time and saves nothing. A figure's SVG
            // (a map's is over 100 KB of path data) takes the fastest deflate: a fifth of the time, files about a
            // tenth larger.
            var level = Path.GetExtension(entry.FullName).ToLowerInvariant() switch
            {
                ".png" => CompressionLevel.NoCompression,
                ".svg" => CompressionLevel.Fastest,
                _ => CompressionLevel.Optimal,
            };
            var copy = target.CreateEntry(entry.FullName, level);
            copy.LastWriteTime = timestamp;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }
}
