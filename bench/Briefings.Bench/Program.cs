using System.Diagnostics;
using System.Globalization;
using Briefings.Documents;
using Briefings.Pdf;
using Briefings.Pdf.Output;
using Briefings.Pdf.Tests;

// Usage: dotnet run -c Release --project bench/Briefings.Bench [-- --out file.pdf] [--sections N] [--rows N] [--runs N] [--warm-up seconds] [--fallback font.ttf]
//        dotnet run -c Release --project bench/Briefings.Bench -- generate --out DIR --meetings N --countries K [--from D --to D] [--seed S] [--today D]
var arguments = args.ToList();
if (arguments.FirstOrDefault() == "generate")
{
    var folder = Option("--out") ?? throw new ArgumentException("generate needs --out DIR");
    var from = DateOnly.ParseExact(Option("--from") ?? "2025-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
    var to = DateOnly.ParseExact(Option("--to") ?? "2025-03-31", "yyyy-MM-dd", CultureInfo.InvariantCulture);
    var today = DateOnly.ParseExact(Option("--today") ?? "2025-06-30", "yyyy-MM-dd", CultureInfo.InvariantCulture);
    Briefings.Bench.SyntheticRecords.Generate(folder, int.Parse(Option("--meetings") ?? "85", CultureInfo.InvariantCulture),
        int.Parse(Option("--countries") ?? "14", CultureInfo.InvariantCulture), from, to,
        int.Parse(Option("--seed") ?? "1", CultureInfo.InvariantCulture), today);
    Console.WriteLine($"wrote {folder}");
    return;
}
string? outPath = Option("--out");
int sections = int.Parse(Option("--sections") ?? "40", CultureInfo.InvariantCulture);
int rows = int.Parse(Option("--rows") ?? "600", CultureInfo.InvariantCulture);
int runs = int.Parse(Option("--runs") ?? "15", CultureInfo.InvariantCulture);
// The runtime compiles hot methods again with full optimisation only after some 30 calls and a delay,
// so a few warm-up runs measure half-optimised code: warm up for a fixed time instead.
var warmUpTime = TimeSpan.FromSeconds(double.Parse(Option("--warm-up") ?? "3", CultureInfo.InvariantCulture));

string? fallback = Option("--fallback");
var theme = fallback is null ? new Theme() : new Theme { Fonts = new FontTheme { Fallback = [fallback] } };
Document NewDocument() => SampleBriefs.VisitBrief(tableRows: rows, sections: sections, withChinese: fallback is not null);

if (outPath is not null)
{
    using var file = File.Create(outPath);
    new PdfDocumentWriter().Write(NewDocument(), theme, file);
    Console.WriteLine($"wrote {outPath}");
    return;
}

int pages = PdfDocumentWriter.CountPages(NewDocument(), theme);
int bytes = PdfDocumentWriter.Render(NewDocument(), theme).Length;
Console.WriteLine($"document: {pages} pages, {bytes / 1024.0:F0} KiB PDF ({sections} sections, {rows}-row table); {warmUpTime.TotalSeconds:F0} s warm-up, median of {runs} runs, single thread");

// Each run lays out a fresh document tree (no layout state carried over); the trees are built before
// the clock starts, so only the writer is measured. The shaping cache stays warm, as in a batch of packs.
Measure("layout only", (document, _) => PdfDocumentWriter.CountPages(document, theme));
var phaseRuns = new List<RenderPhases>();
Measure("complete PDF", (document, timed) =>
{
    var phases = timed ? new RenderPhases() : null;
    int length = PdfDocumentWriter.Render(document, theme, phases).Length;
    if (phases is not null) phaseRuns.Add(phases);
    return length;
});

// Phases are timed in separate runs (the timing itself costs a little), and each phase's median is shown.
Console.WriteLine("complete PDF by phase (median ms per document):");
var names = phaseRuns[0].Totals.Select(t => t.Phase).ToList();
double sum = 0;
foreach (var name in names)
{
    var times = phaseRuns.Select(r => r.Totals.FirstOrDefault(t => t.Phase == name).Time.TotalMilliseconds).Order().ToList();
    double median = times[times.Count / 2];
    sum += median;
    Console.WriteLine($"  {name,-42} {median,8:F2}");
}
Console.WriteLine($"  {"sum of phase medians",-42} {sum,8:F2}");

void Measure(string label, Func<Document, bool, int> run)
{
    var documents = Enumerable.Range(0, 2 * runs).Select(_ => NewDocument()).ToList();
    var warmUp = Stopwatch.StartNew();
    for (int i = 0; i < 5 || warmUp.Elapsed < warmUpTime; i++)
        run(NewDocument(), false); // JIT, font loading, shaping cache
    var times = new List<double>();
    var cpuTimes = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        double cpu = ThreadCpuSeconds();
        var watch = Stopwatch.StartNew();
        run(documents[i], false);
        times.Add(watch.Elapsed.TotalSeconds);
        cpuTimes.Add(ThreadCpuSeconds() - cpu);
    }
    for (int i = 0; i < runs; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        run(documents[runs + i], true);
    }
    var sample = NewDocument();
    long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    run(sample, false);
    double allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1048576.0;
    times.Sort();
    double median = times[runs / 2], best = times[0];
    // The median is the figure to quote; the best run shows the cost without interference from other processes.
    Console.WriteLine($"{label}: median {median * 1000:F1} ms per document = {pages / median:F0} pages/s; best {pages / best:F0} pages/s; {allocated:F1} MB allocated per document (managed)");
    // CPU time of the benchmark thread: what the document costs one core, much less disturbed by other processes than the clock.
    cpuTimes.Sort();
    if (cpuTimes[runs / 2] > 0)
        Console.WriteLine($"{label}: median thread CPU {cpuTimes[runs / 2] * 1000:F1} ms per document = {pages / cpuTimes[runs / 2]:F0} pages/s of one core's time");
}

// CPU time used by the calling thread (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID)); 0 where unavailable.
static double ThreadCpuSeconds()
{
    if (!OperatingSystem.IsLinux())
        return 0;
    return Native.clock_gettime(3, out var ts) == 0 ? ts.Seconds + ts.Nanoseconds / 1e9 : 0;
}

string? Option(string name)
{
    int i = arguments.IndexOf(name);
    return i >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : null;
}

internal static class Native
{
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    internal struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    internal static extern int clock_gettime(int clock, out TimeSpec time);
}
