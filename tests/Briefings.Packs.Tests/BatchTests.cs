using System.Diagnostics;
using System.Text.Json;
using Briefings.Batches;
using Briefings.Cli;
using Briefings.Records;
using Xunit;

namespace Briefings.Packs.Tests;

public class BatchTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 1, 15);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static RecordSet Samples(string? data = null) => RecordLoader.Load(data ?? Repository.Data).Records;

    private BatchRequest Request(BatchSelection selection, params PackFormat[] formats) =>
        new(selection, formats.Length == 0 ? [PackFormat.Markdown] : formats) { OutputRoot = folder.Path };

    private static BatchResult Run(PackRenderer renderer, BatchRequest request, int jobs = 2, CancellationToken cancel = default) =>
        BatchRunner.Run(renderer, BatchPlanner.Plan(renderer, request), jobs, null, cancel);

    [Fact]
    public void A_quarter_plans_a_brief_per_meeting_a_profile_per_country_met_and_a_digest()
    {
        var records = Samples();
        var renderer = new PackRenderer(records, Repository.Templates, Today);
        var plan = BatchPlanner.Plan(renderer, Request(BatchSelection.ForQuarter(Quarter.Parse("2022Q3"))));

        var meetings = records.MeetingsIn(Quarter.Parse("2022Q3")).Where(m => m.Involves("CHN")).ToList();
        Assert.Equal(7, meetings.Count);
        Assert.Equal("quarter-2022q3", plan.Name);
        Assert.Equal(new DateOnly(2022, 9, 30), plan.AsOf);
        Assert.Equal(["digest-2022q3", "country-kaz", "country-rus", "country-uzb", .. meetings.Select(m => $"visit-{m.Id}")],
            plan.Packs.Select(p => p.Name));
        Assert.All(plan.Packs, p => Assert.Equal(PlanStatus.New, p.Status));
        Assert.All(plan.Packs, p => Assert.Equal(plan.AsOf, p.Request.AsOf));
    }

    [Fact]
    public void The_digest_counts_agree_with_the_records_and_leave_out_empty_sections()
    {
        var records = Samples();
        var renderer = new PackRenderer(records, Repository.Templates, Today);
        var digest = renderer.Render(new DigestPackRequest(new DateOnly(2022, 7, 1), new DateOnly(2022, 9, 30), "Q3 2022") { AsOf = new DateOnly(2022, 9, 30) });
        Assert.Contains("Seven meetings of China's leaders are on record for Q3 2022: four held and three announced", digest.Markdown);
        Assert.Contains("The counterparts were Russia, Uzbekistan and Kazakhstan.", digest.Markdown);
        foreach (var meeting in records.MeetingsIn(Quarter.Parse("2022Q3")))
            Assert.Contains(meeting.Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture).TrimStart('0'),
                digest.Markdown.Replace("15–16 September 2022", "15 September 2022"));
        Assert.Contains("# Calendar", digest.Markdown);
        Assert.Contains("## Russia", digest.Markdown);

        // A quarter with no meetings says so once and prints no empty tables or sections.
        var empty = renderer.Render(new DigestPackRequest(new DateOnly(2021, 1, 1), new DateOnly(2021, 3, 31), "Q1 2021"));
        Assert.Contains("No meetings of China's leaders between 1 January 2021 and 31 March 2021 are on record", empty.Markdown);
        Assert.DoesNotContain("# Calendar", empty.Markdown);
        Assert.DoesNotContain("Country by country", empty.Markdown);
        Assert.DoesNotContain("| Meetings by kind", empty.Markdown);
        Assert.Equal(["The quarter in numbers"], empty.Document.Blocks.OfType<Briefings.Documents.Heading>().Select(h => h.PlainText));
    }

    [Fact]
    public void What_is_announced_for_the_next_quarter_is_shown_only_once_it_was_known()
    {
        var renderer = new PackRenderer(Samples(), Repository.Templates, Today);
        // The 4 December 2023 visit is reported on 4 December: at the end of Q3 it was not yet known.
        var q3 = renderer.Render(new DigestPackRequest(new DateOnly(2023, 7, 1), new DateOnly(2023, 9, 30), "Q3 2023") { AsOf = new DateOnly(2023, 9, 30) });
        Assert.DoesNotContain("Announced for Q4 2023", q3.Markdown);
        // The SCO summit of 15 September 2022 was announced by 13 September.
        var q3of2022 = renderer.Render(new DigestPackRequest(new DateOnly(2022, 7, 1), new DateOnly(2022, 8, 31), "July and August 2022") { AsOf = new DateOnly(2022, 9, 13) });
        Assert.DoesNotContain("Announced for Q4 2022", q3of2022.Markdown);
    }

    [Fact]
    public void A_second_run_renders_nothing_and_an_edited_meeting_rerenders_exactly_the_packs_that_read_it()
    {
        var data = folder.Copy(Repository.Data, "data");
        var selection = BatchSelection.ForQuarter(Quarter.Parse("2022Q3"));
        var first = Run(new PackRenderer(Samples(data), Repository.Templates, Today), Request(selection));
        Assert.Equal(11, first.Rendered);
        Assert.True(File.Exists(Path.Combine(first.Plan.Folder, BatchIndex.JsonName)));

        var second = Run(new PackRenderer(Samples(data), Repository.Templates, Today), Request(selection));
        Assert.Equal(0, second.Rendered);
        Assert.Equal(11, second.UpToDate);

        var edited = Path.Combine(data, "meetings", "2022-09-14-xi-tokayev.yaml");
        File.AppendAllText(edited, "# an analyst's note, no change of substance\n");
        var readers = first.Packs
            .Where(p => JsonDocument.Parse(File.ReadAllText(Path.Combine(p.Pack.Folder, "manifest.json"))).RootElement
                .GetProperty("records").EnumerateArray().Any(r => r.GetProperty("path").GetString()!.EndsWith("2022-09-14-xi-tokayev.yaml")))
            .Select(p => p.Pack.Name).Order().ToList();
        Assert.Contains("visit-2022-09-14-xi-tokayev", readers);
        Assert.Contains("country-kaz", readers);
        Assert.True(readers.Count < 11);

        var third = Run(new PackRenderer(Samples(data), Repository.Templates, Today), Request(selection));
        Assert.Equal(readers, third.Packs.Where(p => p.Status == PackStatus.Rendered).Select(p => p.Pack.Name).Order());
        Assert.Equal(11 - readers.Count, third.UpToDate);

        var forced = Run(new PackRenderer(Samples(data), Repository.Templates, Today), Request(selection) with { Force = true });
        Assert.Equal(11, forced.Rendered);
    }

    [Fact]
    public void A_changed_option_or_template_makes_packs_stale_and_a_dropped_format_is_removed()
    {
        var templates = folder.Copy(Repository.Templates, "templates");
        var selection = BatchSelection.ForQuarter(Quarter.Parse("2023Q3"));
        var renderer = new PackRenderer(Samples(), templates, Today);
        var both = Run(renderer, Request(selection, PackFormat.Markdown, OutputFormats.All.Single(f => f.Name == "docx")));
        Assert.True(both.Succeeded);
        var pack = both.Packs.First(p => p.Pack.Kind == "visit").Pack;
        Assert.True(File.Exists(Path.Combine(pack.Folder, pack.Name + ".docx")));

        var mdOnly = BatchPlanner.Plan(renderer, Request(selection));
        Assert.All(mdOnly.Packs, p => Assert.Equal("the options have changed", p.Reason));
        Run(renderer, Request(selection));
        Assert.False(File.Exists(Path.Combine(pack.Folder, pack.Name + ".docx")));
        Assert.Equal(["manifest.json", pack.Name + ".md"], Directory.GetFiles(pack.Folder).Select(Path.GetFileName).Order());

        File.AppendAllText(Path.Combine(templates, "visit-brief.sbn"), "\n");
        var plan = BatchPlanner.Plan(new PackRenderer(Samples(), templates, Today), Request(selection));
        Assert.All(plan.Packs.Where(p => p.Kind == "visit"), p => Assert.Equal("templates/visit-brief.sbn has changed", p.Reason));
        Assert.All(plan.Packs.Where(p => p.Kind != "visit"), p => Assert.Equal(PlanStatus.UpToDate, p.Status));
    }

    [Fact]
    public void One_broken_pack_is_reported_with_its_location_while_every_other_pack_is_written()
    {
        var templates = folder.Copy(Repository.Templates, "templates");
        File.WriteAllText(Path.Combine(templates, "country-profile.sbn"), "---\ntitle: x\n---\n\n{{ for x in }}\n");
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.Run(["quarter", "2022Q3", "--data", Repository.Data, "--templates", templates, "--out", folder.Path,
            "--format", "md", "--quiet"], output, error);
        Assert.Equal(1, exit);
        Assert.Contains("templates/country-profile.sbn:5:", error.ToString());
        Assert.Contains("country-kaz failed", error.ToString());
        Assert.Contains("3 failed", output.ToString());
        var batch = Path.Combine(folder.Path, "quarter-2022q3");
        Assert.True(File.Exists(Path.Combine(batch, "digest-2022q3", "digest-2022q3.md")));
        Assert.Equal(7, Directory.GetDirectories(batch, "visit-*").Length);
        Assert.Empty(Directory.GetDirectories(batch, "country-*"));
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(batch, "index.json")));
        Assert.Equal(3, index.RootElement.GetProperty("packs").EnumerateArray().Count(p => p.GetProperty("status").GetString() == "failed"));
    }

    [Fact]
    public void A_cancelled_batch_starts_no_pack_and_leaves_nothing_half_written()
    {
        var renderer = new PackRenderer(Samples(), Repository.Templates, Today);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var result = Run(renderer, Request(BatchSelection.ForQuarter(Quarter.Parse("2022Q3"))), cancel: cancel.Token);
        Assert.True(result.Cancelled);
        Assert.Equal(11, result.NotStarted);
        Assert.Empty(Directory.GetDirectories(result.Plan.Folder));
    }

    [Fact]
    public void Shards_are_disjoint_cover_the_plan_and_are_balanced()
    {
        var renderer = new PackRenderer(Samples(), Repository.Templates, Today);
        var plan = BatchPlanner.Plan(renderer, Request(BatchSelection.ForRange(new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31))));
        for (var n = 1; n <= 5; n++)
        {
            var slices = Enumerable.Range(1, n).Select(k => BatchPlanner.Slice(plan.All, new Shard(k, n))).ToList();
            var names = slices.SelectMany(s => s.Select(p => p.Name)).ToList();
            Assert.Equal(plan.All.Count, names.Count);
            Assert.Equal(plan.All.Select(p => p.Name).Order(), names.Order());
            var loads = slices.Select(s => s.Sum(p => p.Weight)).ToList();
            Assert.True(loads.Max() - loads.Min() <= plan.All.Max(p => p.Weight), string.Join(",", loads));
        }
    }

    [Theory]
    [InlineData("JOB_COMPLETION_INDEX", "0", null, 1)]
    [InlineData("AWS_BATCH_JOB_ARRAY_INDEX", "2", null, 3)]
    [InlineData("SLURM_ARRAY_TASK_ID", "1", "1", 1)]
    [InlineData("SLURM_ARRAY_TASK_ID", "2", null, 3)]
    public void A_job_array_index_picks_the_shard(string variable, string value, string? slurmMin, int expected)
    {
        var env = new Dictionary<string, string?> { [variable] = value, ["SLURM_ARRAY_TASK_MIN"] = slurmMin };
        Assert.Equal(new Shard(expected, 3), Shard.FromEnvironment(3, name => env.GetValueOrDefault(name)));
        Assert.Null(Shard.FromEnvironment(3, _ => null));
        Assert.Throws<ArgumentException>(() => Shard.FromEnvironment(3, name => name == "JOB_COMPLETION_INDEX" ? "3" : null));
    }

    [Fact]
    public void The_plan_prints_without_rendering_anything()
    {
        var output = new StringWriter();
        var exit = CommandLine.Run(["quarter", "2022Q3", "--plan", "--json", "--data", Repository.Data, "--templates", Repository.Templates,
            "--out", folder.Path], output, new StringWriter());
        Assert.Equal(0, exit);
        using var plan = JsonDocument.Parse(output.ToString());
        Assert.Equal(11, plan.RootElement.GetProperty("packs").GetArrayLength());
        Assert.All(plan.RootElement.GetProperty("packs").EnumerateArray(), p => Assert.Equal("new", p.GetProperty("status").GetString()));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void A_profile_of_thousands_of_meetings_renders_recent_ones_in_full_and_earlier_years_summarised()
    {
        var data = folder.Copy(Repository.Data, "data");
        var template = File.ReadAllText(Path.Combine(data, "meetings", "2022-09-12-yang-jiechi-denisov.yaml"));
        var start = new DateOnly(2000, 1, 3);
        for (var i = 0; i < 2500; i++)
        {
            var date = start.AddDays(i * 3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var id = $"{date}-synthetic-{i}";
            var text = System.Text.RegularExpressions.Regex.Replace(template, @"(?m)^id: .*$", $"id: {id}");
            text = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^date: .*$", $"date: {date}");
            File.WriteAllText(Path.Combine(data, "meetings", id + ".yaml"), text);
        }
        var records = RecordLoader.Load(data);
        Assert.False(records.HasErrors, string.Join("\n", records.Diagnostics.Take(5)));
        var held = records.Records.MeetingsWithCountry("RUS").Count(m => m.Involves("CHN") && m.Status == MeetingStatus.Held && m.Date <= Today);
        Assert.True(held > 2500);
        var pack = new PackRenderer(records.Records, Repository.Templates, Today).Render(new CountryPackRequest("RUS"));
        Assert.Contains($"{held} held", pack.Markdown);
        // Recent meetings in full, earlier ones by year: a reader's few pages, not a 1,400-page list.
        Assert.Contains("The 20 most recent are set out below", pack.Markdown);
        Assert.Contains("| Year | Meetings | Kinds | Places | Documents |", pack.Markdown);
        Assert.Contains("| 2001 |", pack.Markdown);
        var sections = pack.Document.Headings().Count(h => h.Level == 2 && h.PlainText.Contains(": ", StringComparison.Ordinal));
        // Announced meetings with no report are named in one sentence, not given a section each.
        Assert.InRange(sections, 19, 25);
        Assert.True(pack.Markdown.Length < 200_000, $"{pack.Markdown.Length} characters");
    }

    // ---- separate processes: shards and interruptions ----

    private static string CliDll => Path.Combine(AppContext.BaseDirectory, "Briefings.Cli.dll");

    private static Process Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliDll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["CI"] = "true";
        return Process.Start(start)!;
    }

    private static (int Exit, string Out, string Err) RunProcess(string workingDirectory, params string[] args) =>
        Finish(Start(workingDirectory, args));

    private static (int Exit, string Out, string Err) Finish(Process started)
    {
        using var process = started;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "the command did not finish");
        return (process.ExitCode, output.Result, error.Result);
    }

    private string[] Common(string output, string formats) =>
        ["--data", Repository.Data, "--templates", Repository.Templates, "--out", output, "--format", formats];

    [Fact]
    public void Three_shards_in_separate_processes_equal_one_run_byte_for_byte()
    {
        var whole = Path.Combine(folder.Path, "whole");
        var sharded = Path.Combine(folder.Path, "sharded");
        var one = RunProcess(folder.Path, ["quarter", "2022Q3", .. Common(whole, "pdf,docx,md"), "--jobs", "2"]);
        Assert.True(one.Exit == 0, one.Err);
        var shards = Enumerable.Range(1, 3)
            .Select(k => Start(folder.Path, ["quarter", "2022Q3", .. Common(sharded, "pdf,docx,md"), "--shard", $"{k}/3", "--jobs", "1"]))
            .ToList();
        foreach (var shard in shards)
        {
            var (exit, _, err) = Finish(shard);
            Assert.True(exit == 0, err);
        }
        var merged = RunProcess(folder.Path, "index", Path.Combine(sharded, "quarter-2022q3"));
        Assert.True(merged.Exit == 0, merged.Err);

        string[] Files(string root) => Directory.GetFiles(Path.Combine(root, "quarter-2022q3"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => !f.Contains("shards"))
            .Order(StringComparer.Ordinal).ToArray();
        var expected = Files(whole);
        Assert.Equal(11 * 4 + 2, expected.Length);
        Assert.Equal(expected, Files(sharded));
        foreach (var file in expected)
            Assert.True(File.ReadAllBytes(Path.Combine(whole, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(sharded, file))), file);
    }

    [Fact]
    public void A_batch_killed_at_random_points_leaves_only_complete_packs_and_no_temporaries_after_the_next_run()
    {
        var output = Path.Combine(folder.Path, "out");
        var batch = Path.Combine(output, "quarter-2022q3");
        var random = new Random(20261130);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var process = Start(folder.Path, ["quarter", "2022Q3", .. Common(output, "md,docx"), "--force", "--jobs", "2"]);
            Thread.Sleep(random.Next(150, 1800));
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit();
            AssertOnlyCompletePacks(batch, attempt);
        }
        var final = RunProcess(folder.Path, ["quarter", "2022Q3", .. Common(output, "md,docx")]);
        Assert.True(final.Exit == 0, final.Err);
        AssertOnlyCompletePacks(batch, -1);
        Assert.Empty(Directory.GetFileSystemEntries(batch, ".*", SearchOption.AllDirectories));
        Assert.Equal(11, Directory.GetDirectories(batch).Length);
    }

    private static void AssertOnlyCompletePacks(string batch, int attempt)
    {
        if (!Directory.Exists(batch))
            return;
        foreach (var pack in Directory.GetDirectories(batch).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            var manifestPath = Path.Combine(pack, "manifest.json");
            Assert.True(File.Exists(manifestPath), $"attempt {attempt}: {pack} has no manifest");
            var manifest = PackManifest.TryRead(pack);
            Assert.NotNull(manifest);
            var listed = manifest.Outputs.Select(o => o.File).Append("manifest.json").Order(StringComparer.Ordinal);
            Assert.Equal(listed, Directory.GetFiles(pack).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (var output in manifest.Outputs)
                Assert.Equal(output.Sha256, FileHashes.Of(File.ReadAllBytes(Path.Combine(pack, output.File))));
        }
    }
}
