using System.CommandLine;
using Briefings.Batches;

namespace Briefings.Cli.Commands;

/// <summary>
/// <c>briefings index output/quarter-2023q3</c>: merges the shards' parts of a batch into one
/// <c>index.json</c> and <c>index.md</c> and reports packs that are missing or failed (exit 1 then).
/// </summary>
public static class IndexCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("BATCH_FOLDER") { Description = "A batch's output folder, e.g. output/quarter-2023q3" };
        var command = new Command("index", "Merge the shards of a batch into one index and report missing or failed packs") { folder };
        command.SetAction(parsed =>
        {
            var stdout = parsed.InvocationConfiguration.Output;
            var stderr = parsed.InvocationConfiguration.Error;
            var path = parsed.GetValue(folder)!;
            if (!Directory.Exists(path))
                throw new UsageException($"no such folder: {path}");
            var report = BatchIndex.Merge(path);
            PackOptions.Print(stderr, report.Problems);
            foreach (var name in report.Missing)
                stderr.WriteLine(Diagnostic.ErrorAt(Path.Combine(path, name), IndexCodes.PackMissing, "missing: no shard rendered this pack"));
            foreach (var entry in report.Index.Packs.Where(p => p.Status == BatchIndex.Statuses.Failed))
            {
                stderr.WriteLine(Diagnostic.ErrorAt(Path.Combine(path, entry.Pack), IndexCodes.PackFailed, "failed"));
                foreach (var problem in entry.Problems)
                    stderr.WriteLine(problem);
            }
            if (report.Index.Packs.Count > 0)
            {
                stdout.WriteLine($"{Path.GetFileName(Path.TrimEndingDirectorySeparator(path))}: {CommonOptions.Plural(report.Index.Packs.Count, "pack")}, " +
                    $"{report.Missing.Count} missing, {report.Failed.Count} failed");
                stdout.WriteLine(Path.Combine(path, BatchIndex.JsonName));
            }
            return report.Complete ? ExitCodes.Success : ExitCodes.InputError;
        });
        return command;
    }
}
