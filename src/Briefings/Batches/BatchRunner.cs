using System.Diagnostics;
using Briefings.Packs;

namespace Briefings.Batches;

/// <summary>What became of one pack of a batch.</summary>
public enum PackStatus
{
    /// <summary>Rendered and written by this run.</summary>
    Rendered,
    /// <summary>Already written from the same inputs (its manifest matches); left as it is.</summary>
    UpToDate,
    /// <summary>Could not be rendered or written; <see cref="PackResult.Problems"/> says why.</summary>
    Failed,
    /// <summary>Not started: the batch was cancelled first.</summary>
    NotStarted,
}

/// <summary>One pack's result: its files (from this run, or from its manifest when up to date) or its problems.</summary>
public sealed record PackResult(
    PlannedPack Pack,
    PackStatus Status,
    IReadOnlyList<WrittenFile> Files,
    IReadOnlyList<string> Problems,
    TimeSpan Elapsed);

/// <summary>A progress event: a pack started or finished, with the running totals.</summary>
public sealed record BatchProgress(
    PlannedPack Pack,
    bool Finished,
    PackResult? Result,
    int Done,
    int Total,
    int Failed,
    TimeSpan Elapsed);

/// <summary>The outcome of a batch run: one result per pack of the plan's slice, in plan order.</summary>
public sealed record BatchResult(BatchPlan Plan, IReadOnlyList<PackResult> Packs, bool Cancelled, TimeSpan Elapsed, int Pruned)
{
    /// <summary>How many packs this run rendered.</summary>
    public int Rendered => Packs.Count(p => p.Status == PackStatus.Rendered);
    /// <summary>How many packs were already up to date.</summary>
    public int UpToDate => Packs.Count(p => p.Status == PackStatus.UpToDate);
    /// <summary>How many packs failed.</summary>
    public int Failed => Packs.Count(p => p.Status == PackStatus.Failed);
    /// <summary>How many packs were not started because the run was cancelled.</summary>
    public int NotStarted => Packs.Count(p => p.Status == PackStatus.NotStarted);
    /// <summary>Whether no pack failed and the run was not cancelled.</summary>
    public bool Succeeded => Failed == 0 && !Cancelled;
}

/// <summary>
/// Renders a plan's packs in parallel inside one process. The workers share the renderer (records, parsed
/// templates, theme, file hashes) and the writers (fonts, shaping caches). A pack that fails does not stop the
/// others; cancellation lets the packs under way finish and starts no more. Each pack replaces its folder as a
/// whole, so whatever happens the output holds only complete packs.
/// </summary>
public static class BatchRunner
{
    /// <summary>Renders the packs of <paramref name="plan"/> that need rendering and returns what became of each.</summary>
    /// <param name="renderer">The renderer the plan was made with.</param>
    /// <param name="plan">The plan (or the shard of it) to run.</param>
    /// <param name="jobs">Packs rendered at once; 0 or less means one per core.</param>
    /// <param name="progress">Told when each pack starts and finishes, if given.</param>
    /// <param name="cancellation">Stops starting packs; those under way finish.</param>
    public static BatchResult Run(PackRenderer renderer, BatchPlan plan, int jobs = 0,
        IProgress<BatchProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var packs = plan.Packs;
        var results = new PackResult?[packs.Count];
        var done = 0;
        var failed = 0;
        Directory.CreateDirectory(plan.Folder);
        PackFolder.CleanUp(plan.Folder);

        // Largest first, so the long packs do not start last and leave the other workers idle at the end.
        var order = Enumerable.Range(0, packs.Count)
            .OrderByDescending(i => packs[i].ToRender ? packs[i].Weight : 0)
            .ThenBy(i => i)
            .ToList();
        var next = -1;
        var heap = new HeapBound();
        var workers = Math.Clamp(jobs <= 0 ? Environment.ProcessorCount : jobs, 1, Math.Max(1, packs.Count));

        void Work()
        {
            while (true)
            {
                if (cancellation.IsCancellationRequested)
                    return;
                var slot = Interlocked.Increment(ref next);
                if (slot >= order.Count)
                    return;
                var index = order[slot];
                var pack = packs[index];
                if (pack.ToRender)
                    progress?.Report(new BatchProgress(pack, false, null, Volatile.Read(ref done), packs.Count, Volatile.Read(ref failed), clock.Elapsed));
                var result = RunOne(renderer, plan, pack);
                results[index] = result;
                // The heap is kept in bounds for the packs still to start: after the last one a collection only costs.
                if (Volatile.Read(ref next) + 1 < order.Count)
                    heap.PackDone();
                if (result.Status == PackStatus.Failed)
                    Interlocked.Increment(ref failed);
                var count = Interlocked.Increment(ref done);
                progress?.Report(new BatchProgress(pack, true, result, count, packs.Count, Volatile.Read(ref failed), clock.Elapsed));
            }
        }

        var threads = Enumerable.Range(0, workers)
            .Select(i => new Thread(Work, maxStackSize: 16 * 1024 * 1024) { Name = $"pack worker {i + 1}", IsBackground = true })
            .ToList();
        foreach (var thread in threads)
            thread.Start();
        foreach (var thread in threads)
            thread.Join();

        var final = packs.Select((p, i) => results[i] ?? new PackResult(p, PackStatus.NotStarted, [], [], TimeSpan.Zero)).ToList();
        var cancelled = final.Any(r => r.Status == PackStatus.NotStarted);
        var pruned = 0;
        if (!cancelled && plan.Request.Shard.IsWhole)
            pruned = Prune(plan);
        PackFolder.CleanUp(plan.Folder);
        var result = new BatchResult(plan, final, cancelled, clock.Elapsed, pruned);
        BatchIndex.Write(result);
        return result;
    }

    /// <summary>
    /// Keeps a long batch's managed heap near what it holds for good. Each pack's tree, layout and files are garbage once
    /// the pack is written, but many of those objects live long enough to be promoted to the oldest generation, whose
    /// collections come later the more the batch holds for good (its records and shared caches grow with the record
    /// set), so the process's memory grew with the number of packs (q1000 without this: 340-380 MB peak). Here, after
    /// a pack, when the heap has grown by more than <see cref="Slack"/> since the last full collection, the batch
    /// collects everything (a sweep; compacting too cost more and kept no less): in a batch of a thousand packs that is
    /// about fifty collections of some tens of MB each, within the noise of its processor time.
    /// </summary>
    private sealed class HeapBound
    {
        private const long Slack = 32L << 20;
        private long _baseline = GC.GetTotalMemory(false);
        private int _collecting;

        /// <summary>Called by a worker after each pack.</summary>
        public void PackDone()
        {
            if (GC.GetTotalMemory(false) - Interlocked.Read(ref _baseline) < Slack || Interlocked.Exchange(ref _collecting, 1) == 1)
                return;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
            Interlocked.Exchange(ref _baseline, GC.GetTotalMemory(false));
            Volatile.Write(ref _collecting, 0);
        }
    }

    private static PackResult RunOne(PackRenderer renderer, BatchPlan plan, PlannedPack pack)
    {
        var clock = Stopwatch.StartNew();
        if (!pack.ToRender)
            return new PackResult(pack, PackStatus.UpToDate, FilesOf(pack), [], clock.Elapsed);
        try
        {
            var rendered = renderer.Render(pack.Request);
            var files = PackWriter.Write(rendered, plan.Folder, plan.Request.Formats);
            return new PackResult(pack, PackStatus.Rendered, files, [], clock.Elapsed);
        }
        catch (PackException e)
        {
            // A format that failed still leaves the others written (e.Written), and the pack is reported failed.
            return new PackResult(pack, PackStatus.Failed, e.Written, e.Problems, clock.Elapsed);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One pack's fault must not stop the batch; it is reported with the pack's name like any other failure.
            return new PackResult(pack, PackStatus.Failed, [], DiagnosticText.Lines([Diagnostic.ErrorAt(pack.Name, PackCodes.Failed, $"{e.GetType().Name}: {e.Message}")]), clock.Elapsed);
        }
    }

    /// <summary>The files an up-to-date pack already has, as its manifest lists them.</summary>
    internal static IReadOnlyList<WrittenFile> FilesOf(PlannedPack pack)
    {
        var manifest = PackManifest.TryRead(pack.Folder);
        if (manifest is null)
            return [];
        var files = manifest.Outputs
            .Select(o => new WrittenFile(Path.Combine(pack.Folder, o.File), o.Format, o.Sha256, o.Bytes, o.Pages))
            .ToList();
        var manifestPath = Path.Combine(pack.Folder, PackWriter.ManifestName);
        var bytes = File.ReadAllBytes(manifestPath);
        files.Add(new WrittenFile(manifestPath, "manifest", FileHashes.Of(bytes), bytes.LongLength));
        return files;
    }

    /// <summary>Removes pack folders of earlier runs that the plan no longer has (a meeting deleted or moved).</summary>
    private static int Prune(BatchPlan plan)
    {
        var planned = plan.All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var pruned = 0;
        foreach (var folder in Directory.EnumerateDirectories(plan.Folder))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith('.') || planned.Contains(name) || !File.Exists(Path.Combine(folder, PackWriter.ManifestName)))
                continue;
            try
            {
                Directory.Delete(folder, recursive: true);
                pruned++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next run; the index does not list it.
            }
        }
        return pruned;
    }
}
