using System.Globalization;
using Briefings.Batches;
using Spectre.Console;

namespace Briefings.Cli;

/// <summary>
/// Shows a batch's progress: a live display on a terminal (packs done of total, failures, elapsed and time
/// left); one plain line per finished pack when the output is redirected or <c>CI</c> is set; nothing with --quiet.
/// </summary>
internal static class BatchProgressDisplay
{
    public static BatchResult Run(BatchPlan plan, TextWriter error, bool quiet, Func<IProgress<BatchProgress>?, BatchResult> run)
    {
        if (quiet)
            return run(null);
        var live = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            && Environment.GetEnvironmentVariable("TERM") is not (null or "" or "dumb");
        if (!live)
            return run(new Reporter(report => { if (report.Finished) error.WriteLine(Line(report)); }));

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            ColorSystem = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        BatchResult? result = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Describe(plan.Name, 0, 0), maxValue: Math.Max(1, plan.Packs.Count));
                result = run(new Reporter(report =>
                {
                    if (!report.Finished)
                        return;
                    task.Value = report.Done;
                    task.Description = Describe(plan.Name, report.Done, report.Failed) + $" [grey]{Markup.Escape(report.Pack.Name)}[/]";
                    if (report.Result?.Status == PackStatus.Failed)
                        console.MarkupLine($"[red]failed[/] {Markup.Escape(report.Pack.Name)}");
                }));
                task.Description = Describe(plan.Name, result.Packs.Count - result.NotStarted, result.Failed);
                task.StopTask();
            });
        return result!;

        string Describe(string name, int done, int failed) =>
            $"{Markup.Escape(name)} {done}/{plan.Packs.Count}{(failed > 0 ? $" [red]{failed} failed[/]" : "")}";
    }

    private static string Line(BatchProgress report)
    {
        var status = report.Result?.Status switch
        {
            PackStatus.Rendered => "rendered",
            PackStatus.UpToDate => "up to date",
            PackStatus.Failed => "FAILED",
            _ => "not started",
        };
        var width = report.Total.ToString(CultureInfo.InvariantCulture).Length;
        var done = report.Done.ToString(CultureInfo.InvariantCulture).PadLeft(width);
        var seconds = report.Result is { Status: PackStatus.Rendered } r ? string.Create(CultureInfo.InvariantCulture, $" ({r.Elapsed.TotalSeconds:0.00} s)") : "";
        return $"[{done}/{report.Total}] {status,-10} {report.Pack.Name}{seconds}";
    }

    /// <summary>Calls back on the reporting thread (workers), unlike Progress&lt;T&gt;, which posts elsewhere.</summary>
    private sealed class Reporter(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        private readonly Lock gate = new();

        public void Report(BatchProgress value)
        {
            lock (gate)
                report(value);
        }
    }
}
