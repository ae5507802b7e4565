using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Briefings.Docx;
using Briefings.Markdown;
using Briefings.Packs;
using Briefings.Pdf;
using Briefings.Records;

// Usage: dotnet run -c Release --project bench/Briefings.FigureBench [-- --root DIR] [--runs N] [--warm-up seconds]
// Renders the sample Q3 2023 digest (three figures: two charts and a map) from its Markdown to PDF and .docx,
// with the figures and with the '::: figure' blocks removed, and prints the median time of each and the difference.
var arguments = args.ToList();
string? Option(string name) => arguments.IndexOf(name) is var i and >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : null;
var root = Option("--root") ?? Directory.GetCurrentDirectory();
int runs = int.Parse(Option("--runs") ?? "40", CultureInfo.InvariantCulture);
var warmUp = TimeSpan.FromSeconds(double.Parse(Option("--warm-up") ?? "3", CultureInfo.InvariantCulture));

var load = RecordLoader.Load(Path.Combine(root, "data"));
var renderer = new PackRenderer(load.Records, Path.Combine(root, "templates"), new DateOnly(2023, 9, 30));
var pack = renderer.Render(new DigestPackRequest(new DateOnly(2023, 7, 1), new DateOnly(2023, 9, 30), "Q3 2023") { AsOf = new DateOnly(2023, 9, 30) });
var with = pack.Markdown;
var without = Regex.Replace(with, @"^::: figure .*?^:::\n", "", RegexOptions.Singleline | RegexOptions.Multiline);
int figures = Regex.Matches(with, "^::: figure ", RegexOptions.Multiline).Count;
Console.WriteLine($"digest Q3 2023: {figures} figures; median processor time of {runs} runs after {warmUp.TotalSeconds:F0} s warm-up, single thread");

// Median milliseconds of each stage: read (Markdown -> tree, figures drawn), PDF, .docx, and the whole.
double[] Measure(string markdown)
{
    // Processor time of the process, not wall time: on a shared, loaded machine wall time mostly measures the
    // wait for a core. (The work is single-threaded; the garbage collector's threads add a little.)
    static double Now() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    double[] Once()
    {
        var start = Now();
        var document = MarkdownReader.Read(markdown, "digest", pack.Theme);
        var read = Now();
        using var pdf = new MemoryStream();
        new PdfDocumentWriter().Write(document, pack.Theme, pdf);
        var written = Now();
        using var docx = new MemoryStream();
        new DocxDocumentWriter().Write(document, pack.Theme, docx);
        var all = Now();
        return [read - start, written - read, all - written, all - start];
    }
    var warm = Stopwatch.StartNew();
    for (int i = 0; i < 5 || warm.Elapsed < warmUp; i++)
        Once();
    var samples = Enumerable.Range(0, runs).Select(_ => Once()).ToList();
    return Enumerable.Range(0, 4).Select(k => samples.Select(s => s[k]).Order().ElementAt(runs / 2)).ToArray();
}

var plain = Measure(without);
var full = Measure(with);
string[] stages = ["read (figures drawn)", "PDF", ".docx", "whole"];
Console.WriteLine($"  {"median CPU ms",-22} {"without",9} {"with",9} {"cost",9}");
for (int k = 0; k < 4; k++)
    Console.WriteLine($"  {stages[k],-22} {plain[k],9:F1} {full[k],9:F1} {full[k] - plain[k],9:F1}");
