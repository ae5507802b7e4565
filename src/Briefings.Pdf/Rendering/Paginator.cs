using Briefings.Documents;
using Briefings.Pdf.Fonts;
using Briefings.Pdf.Layout;
using Briefings.Pdf.Text;
using Briefings.Pdf.Serialization;

namespace Briefings.Pdf.Rendering;

/// <summary>What a pass found: the page count and where every anchor (heading, footnote) landed.</summary>
internal sealed record PageMap(int PageCount, IReadOnlyDictionary<string, AnchorPosition> Anchors)
{
    public bool SameAs(PageMap other) =>
        PageCount == other.PageCount
        && Anchors.Count == other.Anchors.Count
        && Anchors.All(a => other.Anchors.TryGetValue(a.Key, out var b) && a.Value.Page == b.Page);
}

/// <summary>
/// Pagination as a loop over pages: each page asks the body how much fits, draws that, then adds the
/// footnotes and furniture. A layout pass (no canvas) counts pages and finds anchors; the drawing pass
/// uses those numbers, and is repeated if its own numbers differ (the contents can change length).
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

    /// <summary>
    /// Lays the document out without drawing: page count and anchor pages. Layout never depends on the
    /// numbers themselves (contents entries reserve a fixed width for them), so one pass is exact; the
    /// drawing pass still checks and the writer repeats it if anything moved.
    /// </summary>
    public PageMap Layout()
    {
        var map = RunPass(null, new PageMap(0, new Dictionary<string, AnchorPosition>()));
        ThrowIfProblems();
        return map;
    }

    /// <summary>Draws every page using the numbers of a previous pass; returns this pass's numbers.</summary>
    public PageMap Render(IPageSink sink, PageMap known)
    {
        Structure.ResetContent();
        return RunPass(sink, known);
    }

    private void ThrowIfProblems()
    {
        if (context.Problems.Problems.Count > 0)
            throw new DocumentWriteException(
                [.. context.Problems.Problems.Distinct().Select(p => Diagnostic.Error(DocumentCodes.PdfNoGlyph, p))],
                $"Cannot render \"{document.Metadata.Title}\" as PDF: " + string.Join("; ", context.Problems.Problems) + ".");
    }

    private PageMap RunPass(IPageSink? pdf, PageMap known)
    {
        context.BeginPass();
        context.KnownAnchors = known.Anchors;
        context.TotalPages = known.PageCount;
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
                decorations.DrawFurniture(context, canvas, cover: true);
                pdf!.EndPage();
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
                decorations.DrawFurniture(context, canvas, cover: false);
                pdf!.EndPage();
            }
            context.Canvas = null;
        }
        return new PageMap(page, new Dictionary<string, AnchorPosition>(context.Anchors));
    }
}

/// <summary>Where drawn pages go: the PDF document, or a canvas that draws nothing (the glyph census).</summary>
internal interface IPageSink
{
    PageCanvas BeginPage(float width, float height, int pageNumber);
    void EndPage();
}

/// <summary>Draws pages into the PDF file being written.</summary>
internal sealed class PdfPageSink(PdfDocumentSerializer document) : IPageSink
{
    private readonly FontBinding fonts = new(document);
    private PageCanvas? page;

    public PageCanvas BeginPage(float width, float height, int pageNumber) =>
        page = new(document, document.BeginPage(width, height), fonts, pageNumber);

    public void EndPage()
    {
        if (page is null)
            return;
        page.FlushText();
        document.EndPage(page.Page);
        page = null;
    }
}
