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

    /// <summary>
    /// zlib level of fonts, object streams and other data (1 fastest … 9 smallest). Mostly the object streams of
    /// the structure tree: level 3 compresses the benchmark document's in 1.6 ms to 75 KiB, level 6 in 2.9 ms to
    /// 70 KiB.
    /// </summary>
    internal const int CompressionLevel = 3;

    /// <summary>
    /// zlib level of the pages' content streams, most of what is compressed. The benchmark document's content
    /// (1.1 MB: glyph codes as binary strings, relative line moves, leader dots as one string each) compresses at
    /// level 3 to 268 KiB, at 4 to 262 KiB and at 6 to 258 KiB; level 3 makes the complete PDF about 1 ms faster
    /// than 4 and the file (400 KiB) still smaller than before these changes (406 KiB) and than Skia's (425 KiB).
    /// </summary>
    internal const int ContentCompressionLevel = 3;

    /// <inheritdoc/>
    public string Format => "pdf";

    /// <summary>The options every document of this writer is written with (the PDF profile).</summary>
    public PdfOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <inheritdoc/>
    public void Write(Document document, Theme theme, Stream output) => WritePaged(document, theme, output);

    /// <inheritdoc/>
    public void Prepare(Theme? theme) => WriterPreparation.Prepare(theme);

    /// <inheritdoc/>
    public int WritePaged(Document document, Theme theme, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentNullException.ThrowIfNull(output);
        DocumentChecks.ThrowIfInvalid(document, theme, "PDF");
        return Render(document, theme, Options, null, file => output.Write(file.Span));
    }

    /// <summary>The finished PDF file as bytes (nothing is written anywhere on failure).</summary>
    public static byte[] Render(Document document, Theme theme) => Render(document, theme, new PdfOptions(), null);

    /// <summary>The finished PDF file as bytes, written with the given options (nothing is written anywhere on failure).</summary>
    public static byte[] Render(Document document, Theme theme, PdfOptions options) => Render(document, theme, options, null);

    /// <summary>As <see cref="Render(Document, Theme)"/>, adding the time of each phase to phases (the benchmark's breakdown).</summary>
    internal static byte[] Render(Document document, Theme theme, RenderPhases? phases) => Render(document, theme, new PdfOptions(), phases);

    private static byte[] Render(Document document, Theme theme, PdfOptions options, RenderPhases? phases)
    {
        byte[] bytes = [];
        Render(document, theme, options, phases, file => bytes = file.ToArray());
        return bytes;
    }

    /// <summary>Renders the document and hands the finished file to use (the bytes are the writer's, valid during the call); returns the page count.</summary>
    private static int Render(Document document, Theme theme, PdfOptions options, RenderPhases? phases, Action<ReadOnlyMemory<byte>> use)
    {
        Paginator paginator;
        using (RenderPhases.Time(phases, "build elements"))
            paginator = new Paginator(document, theme);

        // One pass lays out and draws the pages; the fonts (subsets of the glyphs drawn) follow them.
        using var serializer = new PdfDocumentSerializer(options.Profile, CompressionLevel, ContentCompressionLevel) { FallbackParent = paginator.Structure, Language = document.Metadata.Language };
        PageMap map;
        using (RenderPhases.Time(phases, "layout + content streams"))
            map = paginator.Render(new PdfPageSink(serializer));
        List<OutlineEntry> outline;
        using (RenderPhases.Time(phases, "outline entries"))
            outline = document.Headings()
                .Where(h => map.Anchors.ContainsKey(h.Id))
                .Select(h => new OutlineEntry(h.Level, h.PlainText, map.Anchors[h.Id].Page, map.Anchors[h.Id].Y))
                .ToList();
        var metadata = document.Metadata;
        var info = new PdfInfo(metadata.Title, metadata.Author, metadata.Subject ?? metadata.Subtitle, metadata.Keywords, metadata.Language, metadata.Date);
        ReadOnlyMemory<byte> file;
        using (RenderPhases.Time(phases, "fonts, structure tree, metadata, xref"))
            file = serializer.Finish(info, paginator.Structure, outline);
        use(file);
        return map.PageCount;
    }

    /// <summary>Layout only (no drawing): the page count. Used by the benchmark and layout tests.</summary>
    internal static int CountPages(Document document, Theme theme) => new Paginator(document, theme).Layout().PageCount;
}
