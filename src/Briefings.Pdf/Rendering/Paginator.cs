using Briefings.Documents;
using Briefings.Pdf.Fonts;
using Briefings.Pdf.Layout;
using Briefings.Pdf.Text;
using Briefings.Pdf.Serialization;

namespace Briefings.Pdf.Rendering;

/// <summary>What a pass found: the page count and where every anchor (heading, footnote) landed.</summary>
internal sealed record PageMap(int PageCount, IReadOnlyDictionary<string, AnchorPosition> Anchors);

/// <summary>
/// Pagination as a loop over pages: each page asks the body how much fits, draws that, then adds the
/// footnotes. Layout never depends on page numbers (contents entries reserve a fixed width for theirs), so
/// one pass lays out and draws the body of every page; what shows numbers known only at the end (the
/// running header's "Page X of Y", the contents entries' page numbers) is then drawn on each page as a
/// layer of its own. A layout-only pass (no sink) counts pages and finds anchors.
/// </summary>
internal sealed class Paginator
{
    private const int MaxPages = 20_000;

    private readonly Document document;
    private readonly PdfStyles styles;
    private readonly LayoutContext context;
    private readonly ColumnElement body;
    private readonly PageDecorations decorations;

    public Paginator(Document document, Theme theme)
    {
        this.document = document;
        var fonts = FontSet.For(theme.Fonts);
        styles = new PdfStyles(theme, fonts);
        context = new LayoutContext(theme, fonts, new ProblemLog());
        context.BodyHeight = ContentHeight;
        context.Hyphenator = Text.Hyphenation.Hyphenator.For(document.Metadata.Language);
        var builder = new ElementBuilder(document, styles);
        Structure = builder.Root;
        // The cover's structure elements come first in reading order, then the body's, then the notes.
        decorations = new PageDecorations(document.Metadata, styles, builder.Root);
        body = builder.BuildBody();
        builder.DefineFootnotes(context, ContentWidth);
        decorations.CheckText(context);
    }

    public Theme Theme => styles.Theme;
    /// <summary>The tagged-PDF structure tree (its Document element), filled with content by a drawing pass.</summary>
    public StructureElement Structure { get; }
    public float PageWidth => (float)Theme.Page.Width;
    public float PageHeight => (float)Theme.Page.Height;
    public float ContentWidth => PageWidth - (float)(Theme.Page.MarginLeft + Theme.Page.MarginRight);
    public float ContentHeight => PageHeight - (float)(Theme.Page.MarginTop + Theme.Page.MarginBottom);

    /// <summary>Lays the document out without drawing: page count and anchor pages.</summary>
    public PageMap Layout()
    {
        var map = RunPass(null);
        ThrowIfProblems();
        return map;
    }

    /// <summary>Lays out and draws every page into sink, then each page's numbered layer; returns the page count and anchors.</summary>
    public PageMap Render(IPageSink sink)
    {
        Structure.ResetContent();
        var map = RunPass(sink);
        ThrowIfProblems();
        return map;
    }

    private void ThrowIfProblems()
    {
        if (context.Problems.Problems.Count > 0)
            throw new DocumentWriteException(
                [.. context.Problems.Problems.Distinct().Select(p => Diagnostic.Error(DocumentCodes.PdfNoGlyph, p))],
                $"Cannot render \"{document.Metadata.Title}\" as PDF: " + string.Join("; ", context.Problems.Problems) + ".");
    }

    private PageMap RunPass(IPageSink? pdf)
    {
        context.BeginPass();
        body.Reset();

        float left = (float)Theme.Page.MarginLeft, top = (float)Theme.Page.MarginTop;
        int page = 0;
        if (Theme.Cover.Enabled)
        {
            context.PageNumber = ++page;
            var canvas = pdf?.BeginPage(PageWidth, PageHeight, page);
            context.Canvas = canvas;
            if (canvas is not null)
            {
                decorations.DrawCover(context, canvas);
                pdf!.EndBody();
            }
            context.Canvas = null;
        }

        while (!body.IsDone || page == 0)
        {
            context.PageNumber = ++page;
            if (page > MaxPages)
                throw new DocumentWriteException(DocumentCodes.PdfLayout, $"\"{document.Metadata.Title}\" would be longer than {MaxPages} pages; the layout is not making progress.");
            context.Footnotes.BeginPage();
            context.PageHasContent = false;
            var canvas = pdf?.BeginPage(PageWidth, PageHeight, page);
            context.Canvas = canvas;

            var plan = body.Measure(context, ContentWidth, ContentHeight);
            if (plan.Kind == PlanKind.Nothing)
            {
                // Keep-together rules cannot be met on an empty page: relax them rather than loop forever.
                context.Relaxed = true;
                plan = body.Measure(context, ContentWidth, ContentHeight);
                if (plan.Kind == PlanKind.Nothing)
                    throw new DocumentWriteException(DocumentCodes.PdfLayout, $"Page {page} of \"{document.Metadata.Title}\": content does not fit on an empty page ({plan.Reason}).");
            }
            body.Draw(context, left, top, ContentWidth, ContentHeight);
            context.Relaxed = false;

            if (canvas is not null)
            {
                context.Footnotes.Draw(canvas, left, top + ContentHeight, ContentWidth, styles.RuleColour);
                pdf!.EndBody();
            }
            context.Canvas = null;
        }

        var map = new PageMap(page, new Dictionary<string, AnchorPosition>(context.Anchors));
        if (pdf is not null)
            DrawNumberedLayers(pdf, map);
        return map;
    }

    /// <summary>With every page laid out, draws on each what shows page numbers: the furniture and the contents entries' numbers.</summary>
    private void DrawNumberedLayers(IPageSink pdf, PageMap map)
    {
        context.TotalPages = map.PageCount;
        context.KnownAnchors = map.Anchors;
        for (int page = 1; page <= map.PageCount; page++)
        {
            context.PageNumber = page;
            var canvas = pdf.BeginNumberedLayer(page);
            context.Canvas = canvas;
            foreach (var draw in context.NumberedDrawings(page))
                draw(context, canvas);
            decorations.DrawFurniture(context, canvas, cover: page == 1 && Theme.Cover.Enabled);
            pdf.EndPage();
            context.Canvas = null;
        }
    }
}

/// <summary>Where drawn pages go (the PDF document): each page's body, then, once all pages are known, its numbered layer.</summary>
internal interface IPageSink
{
    PageCanvas BeginPage(float width, float height, int pageNumber);
    /// <summary>The body of the page being drawn is complete; the page waits for its numbered layer.</summary>
    void EndBody();
    /// <summary>Reopens page pageNumber (1-based) for the layer drawn over its body once all pages are laid out.</summary>
    PageCanvas BeginNumberedLayer(int pageNumber);
    /// <summary>The page reopened last is complete.</summary>
    void EndPage();
}

/// <summary>Draws pages into the PDF file being written.</summary>
internal sealed class PdfPageSink(PdfDocumentSerializer document) : IPageSink
{
    private readonly FontBinding fonts = new(document);
    private readonly List<PdfPage> pages = [];
    private PageCanvas? page;

    public PageCanvas BeginPage(float width, float height, int pageNumber)
    {
        var begun = document.BeginPage(width, height);
        pages.Add(begun);
        return page = new(document, begun, fonts, pageNumber);
    }

    public void EndBody() => Close(document.EndLayer);

    public PageCanvas BeginNumberedLayer(int pageNumber)
    {
        var reopened = pages[pageNumber - 1];
        document.BeginLayer(reopened);
        return page = new(document, reopened, fonts, pageNumber);
    }

    public void EndPage() => Close(document.EndPage);

    /// <summary>Closes what the page being drawn has open, then ends it with end (its layer, or the whole page).</summary>
    private void Close(Action<PdfPage> end)
    {
        if (page is null)
            return;
        page.FlushText();
        end(page.Page);
        page = null;
    }
}
