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
public sealed class PdfDocumentWriter : IDocumentWriter
{
    public string Format => "pdf";

    public void Write(Document document, Theme theme, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentNullException.ThrowIfNull(output);
        var bytes = Render(document, theme);
        output.Write(bytes);
    }

    /// <summary>The finished PDF file as bytes (nothing is written anywhere on failure).</summary>
    public static byte[] Render(Document document, Theme theme)
    {
        var paginator = new Paginator(document, theme);
        var map = paginator.Layout();

        byte[] pdf = [];
        for (int attempt = 0; attempt < 3; attempt++)
        {
            // Census pass: which glyphs of which fonts the pages draw, so only those are embedded.
            using var census = FontBinding.Census();
            PageMap counted;
            using (var sink = new CensusPageSink(census))
                counted = paginator.Render(sink, map);
            if (!counted.SameAs(map) && attempt < 2)
            {
                // Something moved once the real numbers were drawn: draw again with the new ones.
                map = counted;
                continue;
            }

            using var subsets = census.Subsets();
            using var stream = new MemoryStream();
            using (var skDocument = SKDocument.CreatePdf(stream, Metadata(document.Metadata)))
            {
                map = paginator.Render(new PdfPageSink(skDocument, subsets), map);
                skDocument.Close();
            }
            pdf = stream.ToArray();
            break;
        }

        var outline = document.Headings()
            .Where(h => map.Anchors.ContainsKey(h.Id))
            .Select(h => new OutlineEntry(h.Level, h.PlainText, map.Anchors[h.Id].Page, paginator.PageHeight - map.Anchors[h.Id].Y))
            .ToList();
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
