using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Briefings.Batches;
using Briefings.Packs;
using Briefings.Records;

namespace Briefings.Cli.Commands;

/// <summary>
/// <c>briefings quarter 2023Q3</c>: every pack of a period in one run — a brief per meeting, the profile of every
/// country met and a digest — in parallel, skipping packs that are up to date, optionally one shard of the plan.
/// </summary>
public static class QuarterCommand
{
    public static Command Create()
    {
        var quarterArgument = new Argument<Quarter?>("QUARTER")
        {
            Description = "Calendar quarter, e.g. 2023Q3 (or give --from and --to, or --country)",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (Quarter.TryParse(text, out var q)) return q;
                result.AddError($"'{text}' is not a quarter: write it like 2023Q3");
                return null;
            },
        };
        var from = CommonOptions.Date("--from", "First day of a period instead of a quarter");
        var to = CommonOptions.Date("--to", "Last day of a period instead of a quarter");
        var country = new Option<string?>("--country") { Description = "Only meetings with this country (code, name or alias)", HelpName = "CODE" };
        var planOnly = new Option<bool>("--plan") { Description = "Print the plan (every pack, its folder and whether it is up to date) and render nothing" };
        var json = new Option<bool>("--json") { Description = "With --plan: print the plan as JSON" };
        var jobs = new Option<int?>("--jobs", "-j")
        {
            Description = "Packs rendered at once (default: the number of cores)",
            HelpName = "N",
        };
        var force = new Option<bool>("--force") { Description = "Render packs that are up to date too" };
        var shard = new Option<string?>("--shard") { Description = "Render only slice K of N of the plan, e.g. 2/3", HelpName = "K/N" };
        var shards = new Option<int?>("--shards")
        {
            Description = "Split the plan in N slices and take this job's slice from JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX or SLURM_ARRAY_TASK_ID",
            HelpName = "N",
        };
        var options = new PackOptions("the end of the period, or today if it has not ended");
        var command = new Command("quarter", "Render every pack of a quarter or period: briefs, country profiles and a digest")
        {
            quarterArgument, from, to, country, planOnly, json, jobs, force, shard, shards,
        };
        options.AddTo(command);
        command.Validators.Add(result =>
        {
            var hasQuarter = result.GetValue(quarterArgument) is not null;
            var hasFrom = result.GetValue(from) is not null;
            var hasTo = result.GetValue(to) is not null;
            if (hasQuarter && (hasFrom || hasTo))
                result.AddError("give a quarter or --from/--to, not both");
            else if (hasFrom != hasTo)
                result.AddError("--from and --to go together");
            else if (!hasQuarter && !hasFrom && result.GetValue(country) is null)
                result.AddError("name a quarter (e.g. 2023Q3), a period (--from and --to) or a country (--country)");
            if (result.GetValue(jobs) is < 1)
                result.AddError("--jobs must be at least 1");
            if (result.GetValue(shard) is { } s && !Shard.TryParse(s, out _))
                result.AddError($"'{s}' is not a shard: write K/N with 1 <= K <= N, e.g. 2/3");
            if (result.GetValue(shards) is < 1)
                result.AddError("--shards must be at least 1");
            if (result.GetValue(json) && !result.GetValue(planOnly))
                result.AddError("--json goes with --plan");
        });

        command.SetAction(async (parsed, cancellation) =>
        {
            var stdout = parsed.InvocationConfiguration.Output;
            var stderr = parsed.InvocationConfiguration.Error;
            var formats = options.Formats(parsed);
            var records = options.LoadRecords(parsed);
            if (records is null)
                return ExitCodes.InputError;

            BatchSelection selection = parsed.GetValue(quarterArgument) is { } q
                ? BatchSelection.ForQuarter(q)
                : parsed.GetValue(from) is { } f && parsed.GetValue(to) is { } t
                    ? (t < f ? throw new UsageException("--to is before --from") : BatchSelection.ForRange(f, t))
                    : null!;
            if (parsed.GetValue(country) is { } c)
            {
                var code = CommonOptions.ResolveCountry(records, c).Code;
                selection = selection is null ? BatchSelection.ForCountry(code) : selection.WithCountry(code);
            }

            var slice = Shard.Whole;
            if (parsed.GetValue(shard) is { } text)
                Shard.TryParse(text, out slice);
            else if (parsed.GetValue(shards) is { } count)
            {
                try
                {
                    slice = Shard.FromEnvironment(count, Environment.GetEnvironmentVariable)
                        ?? throw new UsageException($"--shards {count} needs --shard K/N or a job index (JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX, SLURM_ARRAY_TASK_ID)");
                }
                catch (ArgumentException e)
                {
                    throw new UsageException(e.Message);
                }
            }

            PackRenderer renderer;
            try
            {
                renderer = new PackRenderer(records, options.Templates(parsed), DateOnly.FromDateTime(DateTime.UtcNow));
            }
            catch (PackException e)
            {
                PackOptions.Print(stderr, e.Diagnostics);
                return ExitCodes.InputError;
            }
            var request = new BatchRequest(selection, formats)
            {
                AsOf = options.AsOf(parsed),
                Audience = options.Audience(parsed),
                OutputRoot = options.Output(parsed),
                Force = parsed.GetValue(force),
                Shard = slice,
            };
            var plan = BatchPlanner.Plan(renderer, request);

            if (parsed.GetValue(planOnly))
            {
                PrintPlan(plan, parsed.GetValue(json), stdout);
                return ExitCodes.Success;
            }

            var result = await Task.Run(() => BatchProgressDisplay.Run(plan, stderr, GlobalOptions.IsQuiet(parsed),
                progress => BatchRunner.Run(renderer, plan, parsed.GetValue(jobs) ?? Environment.ProcessorCount, progress, cancellation)), CancellationToken.None);

            foreach (var failure in result.Packs.Where(p => p.Status == PackStatus.Failed))
            {
                stderr.WriteLine($"briefings: {failure.Pack.Name} failed:");
                foreach (var problem in failure.Problems)
                    stderr.WriteLine(problem);
            }
            stdout.WriteLine(Summary(result));
            stdout.WriteLine(plan.Request.Shard.IsWhole
                ? Path.Combine(plan.Folder, BatchIndex.JsonName)
                : Path.Combine(plan.Folder, BatchIndex.ShardFolder, $"shard-{slice.Index}-of-{slice.Count}.json"));
            if (result.Cancelled)
            {
                stderr.WriteLine($"briefings: cancelled: {CommonOptions.Plural(result.NotStarted, "pack")} not started; every pack written is complete");
                return 130;
            }
            return result.Failed > 0 ? ExitCodes.InputError : ExitCodes.Success;
        });
        return command;
    }

    private static string Summary(BatchResult result)
    {
        var plan = result.Plan;
        var parts = new List<string>();
        if (result.Rendered > 0) parts.Add($"{result.Rendered} rendered");
        if (result.UpToDate > 0) parts.Add($"{result.UpToDate} up to date");
        if (result.Failed > 0) parts.Add($"{result.Failed} failed");
        if (result.NotStarted > 0) parts.Add($"{result.NotStarted} not started");
        var shard = plan.Request.Shard.IsWhole ? "" : $" (shard {plan.Request.Shard} of {plan.All.Count} packs)";
        var all = result.UpToDate == result.Packs.Count && result.Packs.Count > 0 ? "; all packs are up to date" : "";
        var pruned = result.Pruned > 0 ? $"; removed {CommonOptions.Plural(result.Pruned, "pack")} no longer in the plan" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{plan.Name}: {CommonOptions.Plural(result.Packs.Count, "pack")}{shard}: {(parts.Count == 0 ? "nothing to do" : string.Join(", ", parts))}{all}{pruned} in {result.Elapsed.TotalSeconds:0.0} s");
    }

    private static void PrintPlan(BatchPlan plan, bool json, TextWriter stdout)
    {
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new PlanListing(
                plan.Name,
                plan.Folder.Replace('\\', '/'),
                plan.Request.Selection.Label,
                plan.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                plan.Request.Shard.ToString(),
                plan.Packs.Select(p => new PlannedPackListing(
                    p.Name,
                    p.Kind,
                    p.Subject,
                    p.Folder.Replace('\\', '/'),
                    p.Status switch { PlanStatus.UpToDate => "up_to_date", PlanStatus.Stale => "stale", _ => "new" },
                    p.Reason,
                    p.ToRender)).ToList()), CliJsonContext.Output.PlanListing));
            return;
        }
        var width = plan.Packs.Count == 0 ? 4 : Math.Max(4, plan.Packs.Max(p => p.Name.Length));
        stdout.WriteLine($"{plan.Name}: {CommonOptions.Plural(plan.Packs.Count, "pack")}, as of {plan.AsOf:yyyy-MM-dd}, into {plan.Folder}");
        stdout.WriteLine($"{"PACK".PadRight(width)}  {"KIND",-7}  STATUS");
        foreach (var pack in plan.Packs)
        {
            var status = pack.Status switch
            {
                PlanStatus.UpToDate => pack.ToRender ? "up to date (forced)" : "up to date",
                PlanStatus.Stale => $"stale: {pack.Reason}",
                _ => pack.Reason is null ? "new" : $"new: {pack.Reason}",
            };
            stdout.WriteLine($"{pack.Name.PadRight(width)}  {pack.Kind,-7}  {status}");
        }
    }
}
