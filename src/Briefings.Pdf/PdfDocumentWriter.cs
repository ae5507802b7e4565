using Briefings.Documents;
using Briefings.Pdf.Output;
using Briefings.Pdf.Rendering;
using Briefings.Pdf.Serialization;

namespace Briefings.Pdf;

/// <summary>
/// Renders a document tree to PDF with the project's own layout engine and PDF serializer: exact "Page X
/// of Y" and contents, clickable contents, links and footnotes, an outline, embedded subset fonts that
/// copy out in every script, a structure tree (tagged PDF/UA-1), PDF/A-2b by default, and byte-identical
/// output for identical input.
/// </summary>
/// <param name="options">The PDF profile (plain, PDF/A-2b, PDF/A-2u, PDF/UA-1 or a combination).</param>
public sealed class PdfDocumentWriter(PdfOptions options) : IPagedDocumentWriter
{
    /// <summary>A writer with the default options (PDF/A-2b and PDF/UA-1).</summary>
    public PdfDocumentWriter() : this(new PdfOptions()) { }

    /// <summary>zlib level of the content streams and fonts (1 fastest … 9 smallest).</summary>
    internal const int CompressionLevel = 6;

    /// <inheritdoc/>
    public string Format => "pdf";

    /// <summary>The options every document of this writer is written with (the PDF profile).</summary>
    public PdfOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <inheritdoc/>
    public void Write(Document document, Theme theme, Stream output) => WritePaged(document, theme, output);

    /// <inheritdoc/>
    public int WritePaged(Document document, Theme theme, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentNullException.ThrowIfNull(output);
        DocumentChecks.ThrowIfInvalid(document, theme, "PDF");
        var bytes = Render(document, theme, Options, null, out var pages);
        output.Write(bytes);
        return pages;
    }

    /// <summary>The finished PDF file as bytes (nothing is written anywhere on failure).</summary>
    public static byte[] Render(Document document, Theme theme) => Render(document, theme, new PdfOptions(), null, out _);

    /// <summary>The finished PDF file as bytes, written with the given options (nothing is written anywhere on failure).</summary>
    public static byte[] Render(Document document, Theme theme, PdfOptions options) => Render(document, theme, options, null, out _);

    /// <summary>As <see cref="Render(Document, Theme)"/>, adding the time of each phase to phases (the benchmark's breakdown).</summary>
    internal static byte[] Render(Document document, Theme theme, RenderPhases? phases) => Render(document, theme, new PdfOptions(), phases, out _);

    private static byte[] Render(Document document, Theme theme, PdfOptions options, RenderPhases? phases, out int pages)
    {
        Paginator paginator;
        using (RenderPhases.Time(phases, "build elements"))
            paginator = new Paginator(document, theme);

        // One pass lays out and draws the pages; the fonts (subsets of the glyphs drawn) follow them.
        var serializer = new PdfDocumentSerializer(options.Profile, CompressionLevel) { FallbackParent = paginator.Structure };
        PageMap map;
        using (RenderPhases.Time(phases, "layout + content streams"))
            map = paginator.Render(new PdfPageSink(serializer));
        pages = map.PageCount;
        List<OutlineEntry> outline;
        using (RenderPhases.Time(phases, "outline entries"))
            outline = document.Headings()
                .Where(h => map.Anchors.ContainsKey(h.Id))
                .Select(h => new OutlineEntry(h.Level, h.PlainText, map.Anchors[h.Id].Page, map.Anchors[h.Id].Y))
                .ToList();
        var metadata = document.Metadata;
        var info = new PdfInfo(metadata.Title, metadata.Author, metadata.Subject ?? metadata.Subtitle, metadata.Keywords, metadata.Language, metadata.Date);
        using (RenderPhases.Time(phases, "fonts, structure tree, metadata, xref"))
            return serializer.Finish(info, paginator.Structure, outline);
    }

    /// <summary>Layout only (no drawing): the page count. Used by the benchmark and layout tests.</summary>
    internal static int CountPages(Document document, Theme theme) => new Paginator(document, theme).Layout().PageCount;
}
