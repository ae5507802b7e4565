using System.IO.Compression;

namespace Briefings.Docx.Packaging;

/// <summary>
/// System.IO.Packaging stamps every zip entry with the current time, so two renders of the same document
/// differ. The package is re-written entry by entry with one fixed timestamp and a fixed entry order
/// ([Content_Types].xml first, as Word writes it, then by name), which makes output byte-identical. Parts whose
/// bytes were kept out of the SDK's package (figure pictures) are written here in place of their empty entries.
/// </summary>
internal static class ZipNormaliser
{
    /// <summary>The earliest time a zip entry can carry; used when the document has no as-of date.</summary>
    public static readonly DateTimeOffset ZipEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Rewrite(Stream package, Stream output, DateTimeOffset timestamp, IReadOnlyDictionary<string, byte[]> media)
    {
        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var entries = source.Entries
            .OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1)
            .ThenBy(e => e.FullName, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            // PNG pictures are deflated already: compressing them again costs time and saves nothing.
            var level = entry.FullName.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
            var copy = target.CreateEntry(entry.FullName, level);
            copy.LastWriteTime = timestamp;
            using var to = copy.Open();
            if (media.TryGetValue(entry.FullName, out var bytes))
            {
                to.Write(bytes);
                continue;
            }
            using var from = entry.Open();
            from.CopyTo(to);
        }
    }
}
