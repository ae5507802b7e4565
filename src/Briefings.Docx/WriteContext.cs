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

    /// <summary>
    /// The bytes of parts added empty through the Open XML SDK (figure pictures), by zip entry name: the package is
    /// rewritten entry by entry (<see cref="Packaging.ZipNormaliser"/>), which writes these in their place. Passed
    /// through the SDK, a map's 100 KB picture was copied into a growing buffer of its own on the large object heap.
    /// </summary>
    public Dictionary<string, byte[]> Media { get; } = new(StringComparer.Ordinal);
    public HeadingBookmarks Bookmarks { get; }
    public ListNumbering Numbering { get; } = new();
    public FootnoteRegistry Footnotes { get; }

    /// <summary>The part whose content is being written: external links are relationships of that part.</summary>
    public OpenXmlPart LinkPart { get; set; }

    /// <summary>Text width between the margins, in twips: tables and call-outs span it.</summary>
    public int TextWidth => Units.TextWidth(Theme.Page);

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
