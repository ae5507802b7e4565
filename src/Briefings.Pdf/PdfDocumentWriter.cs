using Briefings.Documents;
using Briefings.Pdf.Output;
using Briefings.Pdf.Rendering;
using SkiaSharp;

namespace Briefings.Pdf;

/// <summary>
/// Renders a document tree to PDF with the project's own layout engine on SkiaSharp: exact "Page X of Y"
/// and contents, clickable contents, links and footnotes, an outline, embedded subset fonts, and
/// byte-identical output for identical input.
/// </summary>
public sealed class PdfDocumentWriter : IPagedDocumentWriter
{
    /// <inheritdoc/>
    public string Format => "pdf";

    /// <inheritdoc/>
    public void Write(Document document, Theme theme, Stream output) => WritePaged(document, theme, output);

    /// <inheritdoc/>
    public int WritePaged(Document document, Theme theme, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentNullException.ThrowIfNull(output);
        DocumentChecks.ThrowIfInvalid(document, theme, "PDF");
        var bytes = Render(document, theme, null, out var pages);
        output.Write(bytes);
        return pages;
    }

    /// <summary>The finished PDF file as bytes (nothing is written anywhere on failure).</summary>
    public static byte[] Render(Document document, Theme theme) => Render(document, theme, null);

    /// <summary>As <see cref="Render(Document, Theme)"/>, adding the time of each phase to phases (the benchmark's breakdown).</summary>
    internal static byte[] Render(Document document, Theme theme, RenderPhases? phases) => Render(document, theme, phases, out _);

    private static byte[] Render(Document document, Theme theme, RenderPhases? phases, out int pages)
    {
        Paginator paginator;
        using (RenderPhases.Time(phases, "build elements"))
            paginator = new Paginator(document, theme);
        PageMap map;
        using (RenderPhases.Time(phases, "layout pass"))
            map = paginator.Layout();

        byte[] pdf = [];
        for (int attempt = 0; attempt < 3; attempt++)
        {
            // Census pass: which glyphs of which fonts the pages draw, so only those are embedded.
            using var census = FontBinding.Census();
            PageMap counted;
            using (RenderPhases.Time(phases, "census pass (no-op canvas)"))
            using (var sink = new CensusPageSink(census))
                counted = paginator.Render(sink, map);
            if (!counted.SameAs(map) && attempt < 2)
            {
                // Something moved once the real numbers were drawn: draw again with the new ones.
                map = counted;
                continue;
            }

            FontBinding subsets;
            using (RenderPhases.Time(phases, "font subsetting"))
                subsets = census.Subsets();
            using (subsets)
            {
                // Skia's own memory stream: Skia writes many small pieces, and a .NET stream would take
                // each through a call back into managed code.
                using var stream = new SKDynamicMemoryWStream();
                using (var skDocument = SKDocument.CreatePdf(stream, Metadata(document.Metadata)))
                {
                    var sink = new PdfPageSink(skDocument, subsets, phases);
                    var start = System.Diagnostics.Stopwatch.GetTimestamp();
                    map = paginator.Render(sink, map);
                    phases?.Add("PDF pass: layout + drawing into Skia", System.Diagnostics.Stopwatch.GetElapsedTime(start) - sink.EndPageTime);
                    phases?.Add("PDF pass: Skia page end", sink.EndPageTime);
                    using (RenderPhases.Time(phases, "Skia document close"))
                        skDocument.Close();
                }
                using (RenderPhases.Time(phases, "copy Skia bytes"))
                using (var data = stream.DetachAsData())
                    pdf = data.ToArray();
            }
            break;
        }

        pages = map.PageCount;
        List<OutlineEntry> outline;
        using (RenderPhases.Time(phases, "outline entries"))
            outline = document.Headings()
                .Where(h => map.Anchors.ContainsKey(h.Id))
                .Select(h => new OutlineEntry(h.Level, h.PlainText, map.Anchors[h.Id].Page, paginator.PageHeight - map.Anchors[h.Id].Y))
                .ToList();
        using (RenderPhases.Time(phases, "finisher (incremental update, ID hash)"))
            return PdfFinisher.Finish(pdf, outline, document.Metadata.Language);
    }

    /// <summary>Layout only (no drawing): the page count. Used by the benchmark and layout tests.</summary>
    internal static int CountPages(Document document, Theme theme) => new Paginator(document, theme).Layout().PageCount;

    private static SKDocumentPdfMetadata Metadata(DocumentMetadata metadata)
    {
        // Timestamps come from the pack's as-of date, never the clock: same input, same bytes.
        DateTime? date = metadata.Date is { } d ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null;
        return new SKDocumentPdfMetadata
        {
            Title = metadata.Title,
            Author = metadata.Author ?? "",
            Subject = metadata.Subject ?? metadata.Subtitle ?? "",
            Keywords = string.Join(", ", metadata.Keywords),
            Creator = "Briefings",
            Producer = "Briefings PDF writer (SkiaSharp)",
            Creation = date,
            Modified = date,
            RasterDpi = 300,
            EncodingQuality = 101,
        };
    }
}
