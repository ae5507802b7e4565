using Briefings.Docx;
using Briefings.Packs;
using Briefings.Pdf;

namespace Briefings.Cli;

/// <summary>The output formats a pack can be written in, one line each; <c>--format</c> picks from these by name.</summary>
public static class OutputFormats
{
    public static IReadOnlyList<PackFormat> All { get; } = With(new PdfOptions());

    /// <summary>The formats, the PDF writer with the options given (<c>--pdf-profile</c>).</summary>
    public static IReadOnlyList<PackFormat> With(PdfOptions pdf) =>
    [
        PackFormat.Markdown,
        PackFormat.FromWriter(new PdfDocumentWriter(pdf)),
        PackFormat.FromWriter(new DocxDocumentWriter()),
    ];

    public static IEnumerable<string> Names => All.Select(f => f.Name);

    /// <summary>Parses a comma list ("md,docx"); unknown names are returned in <paramref name="unknown"/>.</summary>
    public static IReadOnlyList<PackFormat> Parse(string list, out IReadOnlyList<string> unknown, PdfOptions? pdf = null)
    {
        var all = pdf is null ? All : With(pdf);
        var chosen = new List<PackFormat>();
        var missing = new List<string>();
        foreach (var name in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var format = all.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            if (format is null)
                missing.Add(name);
            else if (!chosen.Contains(format))
                chosen.Add(format);
        }
        unknown = missing;
        return chosen;
    }
}
