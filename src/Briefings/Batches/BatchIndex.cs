using System.Globalization;
using System.Text;
using System.Text.Json;
using Briefings.Packs;

namespace Briefings.Batches;

/// <summary>A file of a pack in the index, its path relative to the batch folder.</summary>
public sealed record IndexFile(string File, string Format, long Bytes, string Sha256, int? Pages);

/// <summary>One pack in the index.</summary>
public sealed record IndexEntry(string Pack, string Kind, string Subject, string Status, IReadOnlyList<IndexFile> Files, IReadOnlyList<string> Problems);

/// <summary>
/// <c>index.json</c> of a batch folder (and, per shard, <c>shards/shard-K-of-N.json</c>): every pack of the plan
/// with its kind, subject, files (hashes, page counts) and status. Nothing in it depends on the clock or the
/// machine, so shards merged give the same index as one run.
/// </summary>
public sealed record BatchIndexFile(
    string Batch,
    string Period,
    string AsOf,
    string Audience,
    IReadOnlyList<string> Formats,
    string? Shard,
    IReadOnlyList<string> Planned,
    IReadOnlyList<IndexEntry> Packs);

/// <summary>What merging the shards found.</summary>
public sealed record IndexReport(BatchIndexFile Index, IReadOnlyList<string> Missing, IReadOnlyList<string> Failed, IReadOnlyList<Diagnostic> Problems)
{
    /// <summary>Whether every planned pack is in the index and rendered or up to date, with no problem found.</summary>
    public bool Complete => Missing.Count == 0 && Failed.Count == 0 && Problems.Count == 0;
}

/// <summary>Writes and merges a batch folder's index (<c>index.json</c> and <c>index.md</c>), whole or one part per shard.</summary>
public static class BatchIndex
{
    /// <summary>File name of the machine-readable index in the batch folder.</summary>
    public const string JsonName = "index.json";
    /// <summary>File name of the human-readable index in the batch folder.</summary>
    public const string MarkdownName = "index.md";
    /// <summary>Folder in the batch folder that holds each shard's part of the index.</summary>
    public const string ShardFolder = "shards";

    /// <summary>The values of <see cref="IndexEntry.Status"/>.</summary>
    public static class Statuses
    {
        /// <summary>The pack was rendered by this run.</summary>
        public const string Rendered = "rendered";
        /// <summary>The pack was already written from the same inputs and was left as it is.</summary>
        public const string UpToDate = "up_to_date";
        /// <summary>The pack could not be rendered; <see cref="IndexEntry.Problems"/> says why.</summary>
        public const string Failed = "failed";
        /// <summary>The run was cancelled before the pack was started.</summary>
        public const string NotStarted = "not_started";
        /// <summary>No shard rendered the pack, or its files are missing or changed since.</summary>
        public const string Missing = "missing";
    }

    /// <summary>Writes the run's index: the whole index for an unsharded run, the shard's part otherwise.</summary>
    public static void Write(BatchResult result)
    {
        var plan = result.Plan;
        var shard = plan.Request.Shard;
        var index = new BatchIndexFile(
            plan.Name,
            plan.Request.Selection.Label,
            plan.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            plan.Request.Audience == Audience.Public ? "public" : "internal",
            plan.Request.Formats.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal).ToList(),
            shard.IsWhole ? null : shard.ToString(),
            plan.All.Select(p => p.Name).ToList(),
            result.Packs.Select(r => Entry(plan, r)).ToList());
        if (shard.IsWhole)
        {
            WriteIndex(plan.Folder, index with { Planned = [] });
            // A whole run supersedes the parts of earlier sharded runs: merging them again would bring back old results.
            var parts = Path.Combine(plan.Folder, ShardFolder);
            if (!result.Cancelled && Directory.Exists(parts))
                Directory.Delete(parts, recursive: true);
            return;
        }
        var folder = Path.Combine(plan.Folder, ShardFolder);
        Directory.CreateDirectory(folder);
        PackWriter.WriteAtomically(Path.Combine(folder, $"shard-{shard.Index}-of-{shard.Count}.json"), Serialize(index));
    }

    /// <summary>The shard parts in a batch folder, in name order.</summary>
    public static IReadOnlyList<string> ShardFiles(string batchFolder)
    {
        var folder = Path.Combine(batchFolder, ShardFolder);
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "shard-*-of-*.json").Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>
    /// Merges the shard files of a batch folder into <c>index.json</c> and <c>index.md</c>, and reports packs
    /// that no shard rendered, packs that failed and shard files that disagree. An unsharded folder's existing
    /// index is checked against the pack folders instead.
    /// </summary>
    public static IndexReport Merge(string batchFolder)
    {
        var problems = new List<Diagnostic>();
        var parts = new List<BatchIndexFile>();
        var files = ShardFiles(batchFolder);
        if (files.Count == 0)
        {
            var existing = Read(Path.Combine(batchFolder, JsonName), problems);
            if (existing is null)
            {
                problems.Add(Diagnostic.ErrorAt(batchFolder, IndexCodes.NotABatch, $"no {ShardFolder}/shard-K-of-N.json files and no {JsonName}: is this a batch folder?"));
                var empty = new BatchIndexFile(Path.GetFileName(Path.TrimEndingDirectorySeparator(batchFolder)), "", "", "", [], null, [], []);
                return new IndexReport(empty, [], [], problems);
            }
            parts.Add(existing with { Planned = existing.Packs.Select(p => p.Pack).ToList() });
        }
        foreach (var file in files)
        {
            if (Read(file, problems) is { } part)
                parts.Add(part);
        }
        if (parts.Count == 0)
            return new IndexReport(new BatchIndexFile("", "", "", "", [], null, [], []), [], [], problems);

        var first = parts[0];
        var counts = parts.Select(p => p.Shard?.Split('/').LastOrDefault()).Distinct().ToList();
        foreach (var part in parts.Skip(1))
        {
            if (!part.Planned.SequenceEqual(first.Planned) || part.AsOf != first.AsOf || part.Audience != first.Audience
                || !part.Formats.SequenceEqual(first.Formats))
                problems.Add(Diagnostic.ErrorAt(batchFolder, IndexCodes.ShardsDiffer, $"shard {part.Shard} was planned differently from shard {first.Shard} (other records, options or version): render all shards again"));
        }
        if (counts.Count > 1)
            problems.Add(Diagnostic.ErrorAt(batchFolder, IndexCodes.ShardsDiffer, $"shard files from different shard counts ({string.Join(", ", counts)}): remove the stale ones from {ShardFolder}/"));
        else if (first.Shard is { } s && int.TryParse(s.Split('/')[1], out var n))
        {
            var present = parts.Select(p => p.Shard!).ToHashSet();
            for (var k = 1; k <= n; k++)
                if (!present.Contains($"{k}/{n}"))
                    problems.Add(Diagnostic.ErrorAt(batchFolder, IndexCodes.ShardMissing, $"shard {k}/{n} has not written its part ({ShardFolder}/shard-{k}-of-{n}.json)"));
        }

        var entries = new Dictionary<string, IndexEntry>(StringComparer.Ordinal);
        foreach (var entry in parts.SelectMany(p => p.Packs))
            entries[entry.Pack] = entry;
        var merged = first.Planned.Select(name => entries.TryGetValue(name, out var entry)
                ? Verified(batchFolder, entry)
                : new IndexEntry(name, "", "", Statuses.Missing, [], [Diagnostic.ErrorAt(name, IndexCodes.PackMissing, "no shard rendered this pack").ToString()]))
            .ToList();
        var index = first with { Shard = null, Planned = [], Packs = merged };
        WriteIndex(batchFolder, index);
        return new IndexReport(index,
            merged.Where(e => e.Status is Statuses.Missing or Statuses.NotStarted).Select(e => e.Pack).ToList(),
            merged.Where(e => e.Status == Statuses.Failed).Select(e => e.Pack).ToList(),
            problems);
    }

    /// <summary>An entry whose files are no longer in the folder as listed becomes missing.</summary>
    private static IndexEntry Verified(string batchFolder, IndexEntry entry)
    {
        if (entry.Status is not (Statuses.Rendered or Statuses.UpToDate))
            return entry;
        foreach (var file in entry.Files)
        {
            var info = new FileInfo(Path.Combine(batchFolder, file.File));
            if (!info.Exists || info.Length != file.Bytes)
                return entry with { Status = Statuses.Missing, Problems = [Diagnostic.ErrorAt(file.File, IndexCodes.PackMissing, "listed by its shard but missing or changed").ToString()] };
        }
        return entry;
    }

    private static BatchIndexFile? Read(string path, List<Diagnostic> problems)
    {
        try
        {
            if (!File.Exists(path))
                return null;
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), PackJsonContext.Files.BatchIndexFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            problems.Add(Diagnostic.ErrorAt(path, IndexCodes.Unreadable, $"cannot read: {e.Message}"));
            return null;
        }
    }

    private static IndexEntry Entry(BatchPlan plan, PackResult result) => new(
        result.Pack.Name,
        result.Pack.Kind,
        result.Pack.Subject,
        result.Status switch
        {
            PackStatus.Rendered => Statuses.Rendered,
            PackStatus.UpToDate => Statuses.UpToDate,
            PackStatus.Failed => Statuses.Failed,
            _ => Statuses.NotStarted,
        },
        result.Files.Select(f => new IndexFile(
            Path.GetRelativePath(plan.Folder, f.Path).Replace('\\', '/'), f.Format, f.Bytes, f.Sha256, f.Pages)).ToList(),
        result.Problems);

    private static byte[] Serialize(BatchIndexFile index) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(index, PackJsonContext.Files.BatchIndexFile).ReplaceLineEndings("\n") + "\n");

    private static void WriteIndex(string folder, BatchIndexFile index)
    {
        Directory.CreateDirectory(folder);
        PackWriter.WriteAtomically(Path.Combine(folder, JsonName), Serialize(index));
        PackWriter.WriteAtomically(Path.Combine(folder, MarkdownName), Encoding.UTF8.GetBytes(Markdown(index)));
    }

    /// <summary>The readable index: one table row per pack with links to its files.</summary>
    private static string Markdown(BatchIndexFile index)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {index.Batch}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Period: {index.Period}. As of {index.AsOf}, {index.Audience} audience. ");
        var byStatus = index.Packs.GroupBy(p => p.Status).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key.Replace('_', ' ')}");
        text.Append(CultureInfo.InvariantCulture, $"{index.Packs.Count} packs: {string.Join(", ", byStatus)}.\n\n");
        text.Append("| Pack | Kind | Status | Files |\n|:--|:--|:--|:--|\n");
        foreach (var pack in index.Packs)
        {
            var files = string.Join(", ", pack.Files.Where(f => f.Format != "manifest").Select(f =>
                $"[{f.Format}]({f.File}){(f.Pages is { } pages ? string.Create(CultureInfo.InvariantCulture, $" ({pages} p.)") : "")}"));
            var problems = pack.Problems.Count > 0 ? " " + string.Join(" ", pack.Problems.Select(Cell)) : "";
            text.Append(CultureInfo.InvariantCulture, $"| {Cell(pack.Pack)} | {pack.Kind} | {pack.Status.Replace('_', ' ')}{problems} | {files} |\n");
        }
        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}

/// <summary>Codes of problems merging a batch's shards (<c>briefings index</c>; listed in docs/diagnostics.md).</summary>
public static class IndexCodes
{
    /// <summary>The folder has neither shard files nor an index.</summary>
    public const string NotABatch = "IDX001";
    /// <summary>Shards planned from other records, options or versions, or from different shard counts.</summary>
    public const string ShardsDiffer = "IDX002";
    /// <summary>A shard that has not written its part.</summary>
    public const string ShardMissing = "IDX003";
    /// <summary>A pack no shard rendered, or whose files are missing or changed.</summary>
    public const string PackMissing = "IDX004";
    /// <summary>A shard or index file that cannot be read.</summary>
    public const string Unreadable = "IDX005";
    /// <summary>A pack that failed (its own problems follow).</summary>
    public const string PackFailed = "IDX006";
}
