using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Briefings.Docx;
using Briefings.Markdown;
using Briefings.Packs;
using Briefings.Pdf;
using Briefings.Records;

// Usage: dotnet run -c Release --project bench/Briefings.FigureBench [-- --root DIR] [--runs N] [--warm-up seconds] [--cached] [--pictures] [--count]
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
Console.WriteLine($"digest Q3 2023: {figures} figures; median processor time (all threads) and wall time of {runs} runs after {warmUp.TotalSeconds:F0} s warm-up");

// Median milliseconds of each stage: read (Markdown -> tree, figures drawn), PDF, .docx, and the whole (processor
// time of every thread: the .docx rasterises its figures' PNG fallbacks on pool threads), and the whole's wall time.
double[] Measure(string markdown)
{
    // Processor time of the process, not wall time: on a shared, loaded machine wall time mostly measures the
    // wait for a core. (It counts every thread: the PNG fallbacks' pool threads and the garbage collector's.)
    static double Now() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    double[] Once()
    {
        // Each run draws its figures' pictures anew unless --cached (a batch in which another pack drew them already).
        if (!arguments.Contains("--cached"))
            Briefings.Docx.Figures.FigurePictures.ForgetDrawn();
        var clock = Stopwatch.StartNew();
        var start = Now();
        var document = MarkdownReader.Read(markdown, "digest", pack.Theme);
        var read = Now();
        using var pdf = new MemoryStream();
        new PdfDocumentWriter().Write(document, pack.Theme, pdf);
        var written = Now();
        using var docx = new MemoryStream();
        new DocxDocumentWriter().Write(document, pack.Theme, docx);
        var all = Now();
        return [read - start, written - read, all - written, all - start, clock.Elapsed.TotalMilliseconds];
    }
    var warm = Stopwatch.StartNew();
    for (int i = 0; i < 5 || warm.Elapsed < warmUp; i++)
        Once();
    var samples = Enumerable.Range(0, runs).Select(_ => Once()).ToList();
    return Enumerable.Range(0, 5).Select(k => samples.Select(s => s[k]).Order().ElementAt(runs / 2)).ToArray();
}

var plain = Measure(without);
var full = Measure(with);
string[] stages = ["read (figures drawn)", "PDF", ".docx", "whole", "whole, wall time"];
Console.WriteLine($"  {"median CPU ms",-22} {"without",9} {"with",9} {"cost",9}");
for (int k = 0; k < 5; k++)
    Console.WriteLine($"  {stages[k],-22} {plain[k],9:F1} {full[k],9:F1} {full[k] - plain[k],9:F1}");

// Where a figure's Word pictures go: per figure, the SVG and the PNG fallback (raster and encoding apart).
if (arguments.Contains("--pictures"))
{
    var document = MarkdownReader.Read(with, "digest", pack.Theme);
    var found = document.Blocks.OfType<Briefings.Documents.Figure>().ToList();
    static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    Console.WriteLine($"  {"median CPU ms",-22} {"svg",9} {"raster",9} {"encode",9} {"pixels",12}");
    foreach (var figure in found)
    {
        var (w, h) = figure.Size.Resolve(451.3);
        var samples = new List<double[]>();
        for (int i = 0; i < runs + 5; i++)
        {
            var t0 = Cpu();
            Briefings.Docx.Figures.FigurePictures.Svg(figure.Drawing, pack.Theme.Fonts, w, h);
            var t1 = Cpu();
            using var raster = Briefings.Docx.Figures.FigurePictures.Raster(figure.Drawing, pack.Theme.Fonts, w, h);
            var t2 = Cpu();
            Briefings.Docx.Figures.FigurePictures.Encode(raster);
            var t3 = Cpu();
            if (i >= 5)
                samples.Add([t1 - t0, t2 - t1, t3 - t2]);
        }
        double Median(int k) => samples.Select(s => s[k]).Order().ElementAt(samples.Count / 2);
        var px = $"{(int)Math.Round(w / 72 * 300)}x{(int)Math.Round(h / 72 * 300)}";
        Console.WriteLine($"  {figure.Caption[..Math.Min(22, figure.Caption.Length)],-22} {Median(0),9:F1} {Median(1),9:F1} {Median(2),9:F1} {px,12}");
    }
}

if (arguments.Contains("--count"))
{
    var document = MarkdownReader.Read(with, "digest", pack.Theme);
    foreach (var figure in document.Blocks.OfType<Briefings.Documents.Figure>())
    {
        var paths = figure.Drawing.Items.OfType<Briefings.Documents.DrawingPath>().ToList();
        Console.WriteLine($"  {figure.Caption,-40} items {figure.Drawing.Items.Count}, paths {paths.Count}, segments {paths.Sum(p => p.Segments.Count)}, "
            + $"inside {paths.Sum(p => p.Segments.Count(s => s.X >= 0 && s.Y >= 0 && s.X <= figure.Drawing.Width && s.Y <= figure.Drawing.Height))}, size {figure.Drawing.Width:F0}x{figure.Drawing.Height:F0}");
    }
}
