using System.Diagnostics;
using Briefings.Documents;
using Briefings.Pdf;
using Briefings.Pdf.Tests;

// Usage: dotnet run -c Release --project bench/Briefings.Bench [-- --out file.pdf] [--sections N] [--rows N] [--fallback font.ttf]
var arguments = args.ToList();
string? outPath = Option("--out");
int sections = int.Parse(Option("--sections") ?? "40", System.Globalization.CultureInfo.InvariantCulture);
int rows = int.Parse(Option("--rows") ?? "600", System.Globalization.CultureInfo.InvariantCulture);

string? fallback = Option("--fallback");
var theme = fallback is null ? new Theme() : new Theme { Fonts = new FontTheme { Fallback = [fallback] } };
var document = SampleBriefs.VisitBrief(tableRows: rows, sections: sections, withChinese: fallback is not null);
var writer = new PdfDocumentWriter();

if (outPath is not null)
{
    using var file = File.Create(outPath);
    writer.Write(document, theme, file);
    Console.WriteLine($"wrote {outPath}");
    return;
}

int pages = PdfDocumentWriter.CountPages(document, theme);
Console.WriteLine($"document: {pages} pages ({sections} sections, {rows}-row table)");

// Each run lays out a fresh document tree (no layout state carried over); the trees are built before
// the clock starts, so only the writer is measured. The shaping cache stays warm, as in a batch of packs.
Measure("layout only", document => PdfDocumentWriter.CountPages(document, theme));
Measure("full PDF (layout + drawing + finishing)", document => PdfDocumentWriter.Render(document, theme).Length);

void Measure(string label, Func<Document, int> run)
{
    const int runs = 10;
    var documents = Enumerable.Range(0, runs + 3).Select(_ => SampleBriefs.VisitBrief(rows, sections, withChinese: fallback is not null)).ToList();
    for (int i = 0; i < 3; i++) run(documents[runs + i]); // warm-up: JIT, font loading, shaping cache
    var times = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        run(documents[i]);
        times.Add(watch.Elapsed.TotalSeconds);
    }
    times.Sort();
    double median = times[runs / 2], best = times[0];
    // The median is the figure to quote; the best run shows the cost without interference from other processes.
    Console.WriteLine($"{label}: median {median * 1000:F1} ms per document = {pages / median:F0} pages/s; best {pages / best:F0} pages/s (single thread)");
}

string? Option(string name)
{
    int i = arguments.IndexOf(name);
    return i >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : null;
}
