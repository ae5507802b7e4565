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
Console.WriteLine($"digest Q3 2023: {figures} figures; median of {runs} runs after {warmUp.TotalSeconds:F0} s warm-up, single thread");

double Measure(string markdown)
{
    void Once()
    {
        var document = MarkdownReader.Read(markdown, "digest", pack.Theme);
        using var pdf = new MemoryStream();
        new PdfDocumentWriter().Write(document, pack.Theme, pdf);
        using var docx = new MemoryStream();
        new DocxDocumentWriter().Write(document, pack.Theme, docx);
    }
    var clock = Stopwatch.StartNew();
    for (int i = 0; i < 5 || clock.Elapsed < warmUp; i++)
        Once();
    var times = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        var run = Stopwatch.StartNew();
        Once();
        times.Add(run.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return times[times.Count / 2];
}

var plain = Measure(without);
var full = Measure(with);
Console.WriteLine($"  without figures (Markdown -> tree -> PDF + .docx) {plain,8:F1} ms");
Console.WriteLine($"  with figures                                     {full,8:F1} ms");
Console.WriteLine($"  figures cost                                     {full - plain,8:F1} ms");
