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

Measure("layout only (fresh document each run)", () => PdfDocumentWriter.CountPages(SampleBriefs.VisitBrief(rows, sections), theme));
Measure("full PDF (layout + drawing + finishing)", () => PdfDocumentWriter.Render(SampleBriefs.VisitBrief(rows, sections), theme).Length);

void Measure(string label, Func<int> run)
{
    for (int i = 0; i < 3; i++) run(); // warm-up: JIT, font loading, shaping cache
    const int runs = 10;
    var times = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        run();
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
