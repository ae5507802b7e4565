using Briefings.Documents;
using Briefings.Docx.Navigation;
using Briefings.Docx.Notes;
using Briefings.Docx.Numbering;
using DocumentFormat.OpenXml.Packaging;

namespace Briefings.Docx;

/// <summary>
/// State shared while one document is written: the theme, the registries that hand out ids
/// (bookmarks, numbering, hyperlinks, footnotes), and every problem found, so all are reported at once.
/// </summary>
internal sealed class WriteContext
{
    private readonly Dictionary<(OpenXmlPart Part, string Target), string> _hyperlinkIds = [];

    public WriteContext(Document document, Theme theme, MainDocumentPart main)
    {
        Document = document;
        Theme = theme;
        Main = main;
        LinkPart = main;
        Bookmarks = new HeadingBookmarks(document, Problems);
        Footnotes = new FootnoteRegistry(document, Problems);
    }

    public Document Document { get; }
    public Theme Theme { get; }
    public MainDocumentPart Main { get; }
    public List<string> Problems { get; } = [];
    public HeadingBookmarks Bookmarks { get; }
    public ListNumbering Numbering { get; } = new();
    public FootnoteRegistry Footnotes { get; }

    /// <summary>The part whose content is being written: external links are relationships of that part.</summary>
    public OpenXmlPart LinkPart { get; set; }

    /// <summary>Text width between the margins, in twips: tables and call-outs span it.</summary>
    public int TextWidth => Units.TextWidth(Theme.Page);

    private readonly Dictionary<Figure, (double Width, double Height, Task<byte[]> Png)> _fallbacks = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Starts the PNG fallback of every figure at the body's text width, each on a pool thread, so the pictures are
    /// rasterised while the rest of the document is written (wall time; the processor time is the same).
    /// </summary>
    public void StartFigurePictures()
    {
        foreach (var figure in Document.Blocks.Descendants().OfType<Figure>())
        {
            var (width, height) = figure.Size.Resolve(TextWidth / 20.0);
            _fallbacks.TryAdd(figure, (width, height, Task.Run(() => Figures.FigurePictures.CachedPng(figure.Drawing, Theme.Fonts, width, height))));
        }
    }

    /// <summary>The PNG fallback of a figure at a size: the one started for it, or drawn now (or found drawn already, <see cref="Figures.FigurePictures.CachedPng"/>).</summary>
    public byte[] FigurePng(Figure figure, double width, double height) =>
        _fallbacks.TryGetValue(figure, out var started) && started.Width == width && started.Height == height
            ? started.Png.GetAwaiter().GetResult()
            : Figures.FigurePictures.CachedPng(figure.Drawing, Theme.Fonts, width, height);

    /// <summary>
    /// The relationship id of an external link. Ids are numbered in order of first use (never random),
    /// so identical documents give identical packages.
    /// </summary>
    public string? HyperlinkId(string target, string linkText)
    {
        if (_hyperlinkIds.TryGetValue((LinkPart, target), out var known))
            return known;
        if (!Uri.TryCreate(target, UriKind.RelativeOrAbsolute, out var uri))
        {
            Problems.Add($"link '{linkText}' points at '{target}', which is not a valid URL");
            return null;
        }
        var id = $"rIdLink{_hyperlinkIds.Count + 1}";
        // Relative targets are files beside the document: still outside the package.
        LinkPart.AddHyperlinkRelationship(uri, isExternal: true, id);
        _hyperlinkIds[(LinkPart, target)] = id;
        return id;
    }
}
