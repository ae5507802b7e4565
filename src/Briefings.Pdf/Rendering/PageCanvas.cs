using Briefings.Pdf.Fonts;
using Briefings.Pdf.Serialization;
using SkiaSharp;

namespace Briefings.Pdf.Rendering;

/// <summary>How a line or rectangle is painted: colour, stroke width, filled or stroked.</summary>
internal readonly record struct PdfPaint(SKColor Color, float StrokeWidth, SKPaintStyle Style);

/// <summary>
/// A page being drawn into its PDF content stream, with the fonts to draw glyphs with and the tagging
/// state: which structure element the content drawn now belongs to (none: an artifact, such as the running
/// header, rules, fills and borders), and which link the words drawn now are part of. Marked-content
/// sequences are opened and closed as that changes, so every piece of content is either tagged or an artifact.
/// </summary>
internal sealed class PageCanvas
{
    private readonly PdfDocumentSerializer document;
    private readonly PdfPage page;
    private readonly Stack<StructureElement?> structure = new();
    private StructureElement? current;
    private bool currentIsRepeat;

    // The marked-content sequence that is open: Artifact (an object of its own), a structure element, or nothing.
    private static readonly object Artifact = new();
    private object? open;

    // Links of the line being drawn, in order, and the Link element the words drawn now belong to.
    private readonly List<(string Target, StructureElement Element)> lineLinks = [];
    private string? link;
    private StructureElement? linkElement;

    public PageCanvas(PdfDocumentSerializer document, PdfPage page, FontBinding fonts, int pageNumber)
    {
        this.document = document;
        this.page = page;
        Fonts = fonts;
        PageNumber = pageNumber;
        Sk = new PageGraphics(this);
    }

    public int PageNumber { get; }
    public FontBinding Fonts { get; }
    /// <summary>The content stream (paths, text) of the page.</summary>
    public ContentBuilder Content => page.Content;
    internal PdfPage Page => page;
    internal PdfDocumentSerializer Document => document;

    /// <summary>Drawing other than text: lines, rectangles, links and destinations (the names follow SkiaSharp's canvas).</summary>
    public PageGraphics Sk { get; }

    /// <summary>A paint for lines and fills.</summary>
    public PdfPaint Paint(SKColor colour, float strokeWidth = 0, SKPaintStyle style = SKPaintStyle.Fill, bool antialias = true) =>
        new(colour, strokeWidth, style);

    /// <summary>Closes what is open; called before the page ends.</summary>
    public void FlushText()
    {
        Close();
        page.Content.Finish();
    }

    // ---- tagging ----

    /// <summary>
    /// Content drawn from now on belongs to element (until <see cref="EndStructure"/>); null keeps the
    /// element drawn into now. An element drawn again after it was completed (a repeated table header, a
    /// note printed again on a later page) is an artifact.
    /// </summary>
    public void BeginStructure(StructureElement? element)
    {
        structure.Push(current);
        if (element is null)
            return;
        current = element;
        currentIsRepeat = element.Completed;
    }

    /// <summary>Ends what <see cref="BeginStructure"/> began; done marks the element as completely drawn.</summary>
    public void EndStructure(StructureElement? element, bool done)
    {
        if (element is not null && done && !currentIsRepeat)
            element.Completed = true;
        SetLink(null);
        lineLinks.Clear(); // every line's annotations were added as it was drawn
        current = structure.Pop();
        currentIsRepeat = current?.Completed == true;
    }

    /// <summary>Content drawn until <see cref="EndArtifact"/> is an artifact (decoration inside content, such as leader dots).</summary>
    public void BeginArtifact()
    {
        structure.Push(current);
        currentIsRepeat = true;
    }

    public void EndArtifact()
    {
        current = structure.Pop();
        currentIsRepeat = current?.Completed == true;
    }

    /// <summary>The words drawn from now on are part of a link to target (null: no link).</summary>
    public void SetLink(string? target)
    {
        if (target == link)
            return;
        link = target;
        linkElement = null;
        if (target is not null && current is not null && !currentIsRepeat)
        {
            linkElement = new StructureElement(StructureRoles.Link, null);
            current.Add(linkElement);
            lineLinks.Add((target, linkElement));
        }
    }

    /// <summary>Text drawn until <see cref="EndActualText"/> copies out as actual (a run's own ActualText is then left out).</summary>
    public void BeginActualText(string actual)
    {
        BeginText(); // opens the word's language span first: the ActualText span nests inside it
        Content.BeginActualText(actual);
        InActualText = true;
    }

    public void EndActualText()
    {
        Content.EndActualText();
        InActualText = false;
    }

    /// <summary>Inside an ActualText span begun by <see cref="BeginActualText"/>.</summary>
    public bool InActualText { get; private set; }

    /// <summary>The element text drawn now belongs to (null: an artifact).</summary>
    private StructureElement? TextOwner => current is null || currentIsRepeat ? null : linkElement ?? current;

    /// <summary>
    /// The language of the words drawn from now on when their script differs from the document's (see
    /// <see cref="Text.ScriptLanguage"/>); null: the element's language.
    /// </summary>
    public string? TextLanguage { get; set; }

    /// <summary>Opens the marked-content sequence for text drawn now, and its language span; returns its owner (null: artifact).</summary>
    internal StructureElement? BeginText()
    {
        var owner = TextOwner;
        Open(owner);
        var language = owner is null ? null : TextLanguage;
        if (page.Content.SpanLanguage != language && !InActualText)
            page.Content.SetLanguage(language);
        return owner;
    }

    /// <summary>Opens the marked-content sequence for graphics drawn now: artifacts, unless the element is a figure.</summary>
    internal void BeginGraphics() => Open(current is { GraphicsAreContent: true } && !currentIsRepeat ? current : null);

    private void Open(StructureElement? owner)
    {
        object target = owner ?? Artifact;
        if (open == target)
            return;
        Close();
        if (owner is null)
            page.Content.BeginArtifact();
        else
        {
            int mcid = page.NextMcid(owner);
            page.Content.BeginMarked(owner.Role, mcid, owner.Language);
            owner.Add(new MarkedContent(page.ObjectNumber, mcid));
            if (owner.Page == 0)
                owner.Page = page.ObjectNumber;
        }
        open = target;
    }

    private void Close()
    {
        if (open is null)
            return;
        page.Content.EndMarked();
        open = null;
    }

    /// <summary>The Link element an annotation to target belongs to: the linked words drawn on this line, else a new one.</summary>
    internal StructureElement LinkFor(string target)
    {
        // Annotations come in the order the line's linked words were drawn (one per run of words with the
        // same link), so the first Link element not yet given an annotation is this one's.
        if (lineLinks.Count > 0)
        {
            var element = lineLinks[0].Element;
            lineLinks.RemoveAt(0);
            return element;
        }
        if (current is { Role: StructureRoles.Link } && !currentIsRepeat)
            return current;
        var parent = current is not null && !currentIsRepeat ? current : document.FallbackParent;
        var created = new StructureElement(StructureRoles.Link, null) { Alt = target.StartsWith('#') ? null : target };
        parent.Add(created);
        return created;
    }
}

/// <summary>Lines, rectangles, link annotations and named destinations on a page, with SkiaSharp's method names.</summary>
internal sealed class PageGraphics(PageCanvas canvas)
{
    public void DrawLine(float x0, float y0, float x1, float y1, PdfPaint paint)
    {
        canvas.BeginGraphics();
        canvas.Content.Line(x0, y0, x1, y1, paint.Color, paint.StrokeWidth <= 0 ? 1 : paint.StrokeWidth);
    }

    public void DrawRect(SKRect rect, PdfPaint paint)
    {
        canvas.BeginGraphics();
        if (paint.Style == SKPaintStyle.Stroke)
            canvas.Content.StrokeRectangle(rect.Left, rect.Top, rect.Width, rect.Height, paint.Color, paint.StrokeWidth <= 0 ? 1 : paint.StrokeWidth);
        else
            canvas.Content.FillRectangle(rect.Left, rect.Top, rect.Width, rect.Height, paint.Color);
    }

    /// <summary>A link over rect to the named destination name.</summary>
    public void DrawLinkDestinationAnnotation(SKRect rect, string name) =>
        canvas.Page.Annotations.Add(new PdfAnnotation(rect, null, name, canvas.LinkFor("#" + name)));

    public void DrawUrlAnnotation(SKRect rect, string url) =>
        canvas.Page.Annotations.Add(new PdfAnnotation(rect, url, null, canvas.LinkFor(url)));

    /// <summary>A named destination at point (the first with a name wins).</summary>
    public void DrawNamedDestinationAnnotation(SKPoint point, string name) =>
        canvas.Document.Destination(canvas.Page, name, point.X, point.Y);
}

/// <summary>The PDF fonts of the document being written, by face, and the builder glyphs are drawn through.</summary>
internal sealed class FontBinding(PdfDocumentSerializer document)
{
    public GlyphRunBuilder GlyphRuns { get; } = new();

    public PdfFont Font(FontFace face) => document.Font(face);
}
