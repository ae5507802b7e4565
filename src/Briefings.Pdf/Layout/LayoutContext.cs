using Briefings.Documents;
using Briefings.Pdf.Fonts;
using Briefings.Pdf.Rendering;
using Briefings.Pdf.Text;
using SkiaSharp;

namespace Briefings.Pdf.Layout;

/// <summary>Where an anchor (a heading) landed: page number (1-based) and distance from the page top.</summary>
internal readonly record struct AnchorPosition(int Page, float X, float Y);

/// <summary>
/// State shared by the elements during one pass over the document: the page being filled, the canvas
/// (null while only measuring), anchors found so far and the page numbers known from the previous pass.
/// </summary>
internal sealed class LayoutContext(Theme theme, FontSet fonts, ProblemLog problems)
{
    public Theme Theme { get; } = theme;
    public FontSet Fonts { get; } = fonts;
    public ProblemLog Problems { get; } = problems;
    public FootnoteArea Footnotes { get; } = new();

    /// <summary>The page being drawn, or null during a layout-only pass.</summary>
    public PageCanvas? Canvas { get; set; }
    public int PageNumber { get; set; }
    /// <summary>Page count, known once every page is laid out (the contents and "Page X of Y" use it).</summary>
    public int TotalPages { get; set; }
    /// <summary>Anchor pages, known once every page is laid out.</summary>
    public IReadOnlyDictionary<string, AnchorPosition> KnownAnchors { get; set; } = new Dictionary<string, AnchorPosition>();
    /// <summary>Anchors placed in this pass.</summary>
    public Dictionary<string, AnchorPosition> Anchors { get; } = [];
    /// <summary>Height of the body of an empty page (keep-together rules ask whether something would fit there).</summary>
    public float BodyHeight { get; set; } = float.PositiveInfinity;
    /// <summary>Set when nothing fits on an empty page: elements then drop keep-together rules to make progress.</summary>
    public bool Relaxed { get; set; }
    /// <summary>Hyphenation patterns of the document's language (British English unless it says otherwise; null: none).</summary>
    public Text.Hyphenation.Hyphenator? Hyphenator { get; set; } = Text.Hyphenation.Hyphenator.EnGb;
    /// <summary>Something has been drawn in the body of the current page (a page break at the top of a page is a no-op).</summary>
    public bool PageHasContent { get; set; }

    // Drawing that shows numbers known only when every page is laid out, by page.
    private readonly Dictionary<int, List<Action<LayoutContext, PageCanvas>>> numbered = [];

    /// <summary>
    /// Draws draw on the current page once every page is laid out, when <see cref="TotalPages"/> and
    /// <see cref="KnownAnchors"/> hold this pass's numbers (contents entries' page numbers). Only while drawing.
    /// </summary>
    public void DrawWhenNumbered(Action<LayoutContext, PageCanvas> draw)
    {
        if (Canvas is null)
            return;
        if (!numbered.TryGetValue(PageNumber, out var drawings))
            numbered[PageNumber] = drawings = [];
        drawings.Add(draw);
    }

    /// <summary>What <see cref="DrawWhenNumbered"/> left for page, in the order it was asked.</summary>
    public IReadOnlyList<Action<LayoutContext, PageCanvas>> NumberedDrawings(int page) =>
        numbered.TryGetValue(page, out var drawings) ? drawings : [];

    public void BeginPass()
    {
        numbered.Clear();
        TotalPages = 0;
        KnownAnchors = new Dictionary<string, AnchorPosition>();
        Anchors.Clear();
        Footnotes.Reset();
        PageNumber = 0;
        Relaxed = false;
    }

    public void MarkAnchor(string id, float x, float y)
    {
        Anchors.TryAdd(id, new AnchorPosition(PageNumber, x, y));
        Canvas?.Sk.DrawNamedDestinationAnnotation(new SKPoint(x, y), id);
    }
}

/// <summary>
/// Footnotes at the foot of every page that refers to them (a source cited on three pages is printed on
/// all three, so the reader never turns back), in number order. A note is printed in full on the first
/// page that cites it; on a later page, a note longer than one line is printed in its short form (outlet
/// and date). Elements ask what new notes would cost before committing a line, and place them when they draw it.
/// </summary>
internal sealed class FootnoteArea
{
    public const float SeparatorHeight = 14;
    public const float NoteGap = 2;

    private readonly Dictionary<int, TextLayout> notes = [];
    private readonly Dictionary<int, TextLayout> shortForms = [];
    private readonly HashSet<int> placed = [];
    /// <summary>Notes printed on an earlier page of this pass: they are printed in short form from now on.</summary>
    private readonly HashSet<int> printedBefore = [];
    private readonly List<int> onPage = [];

    public float Height { get; private set; }
    /// <summary>Each note's tagged-PDF structure element (a Note), by number.</summary>
    public Dictionary<int, Serialization.StructureElement> Structure { get; } = [];
    /// <summary>The notes placed on this page, in number order (the order they are printed in).</summary>
    public IReadOnlyList<int> OnPage => onPage;

    /// <summary>Defines a note: its full layout and, for a note longer than one line, its short form.</summary>
    public void Define(int number, TextLayout layout, TextLayout? shortForm = null)
    {
        notes[number] = layout;
        if (shortForm is not null)
            shortForms[number] = shortForm;
        else
            shortForms.Remove(number);
    }

    /// <summary>The layout a note is printed with on the current page.</summary>
    private TextLayout? LayoutOf(int number) =>
        printedBefore.Contains(number) && shortForms.TryGetValue(number, out var brief) ? brief
        : notes.GetValueOrDefault(number);

    /// <summary>The named destination of a note on a page: marks link to the copy on their own page.</summary>
    public static string NoteDestination(int number, int page) => $"fn-{number}-p{page}";

    public void Reset()
    {
        reserved.Clear();
        measureDepth = 0;
        printedBefore.Clear();
        placed.Clear();
        onPage.Clear();
        Height = 0;
    }

    public void BeginPage()
    {
        printedBefore.UnionWith(placed);
        placed.Clear();
        onPage.Clear();
        Height = 0;
    }

    /// <summary>
    /// Notes already paid for by content measured earlier in the same measuring sweep (siblings before
    /// this one): a note referenced twice on a page costs its space once. Nested scopes share the list,
    /// which is cleared when the outermost scope ends.
    /// </summary>
    private readonly List<int> reserved = [];
    private int measureDepth;

    public MeasureScope BeginMeasure()
    {
        measureDepth++;
        return new MeasureScope(this);
    }

    public readonly struct MeasureScope(FootnoteArea area) : IDisposable
    {
        public void Dispose()
        {
            if (--area.measureDepth == 0)
                area.reserved.Clear();
        }
    }

    /// <summary>How many notes the current measuring sweep has reserved (to roll back a measurement that is discarded).</summary>
    public int ReservedMark => reserved.Count;

    /// <summary>Forgets the reservations made since ReservedMark returned mark.</summary>
    public void RollBackTo(int mark)
    {
        if (reserved.Count > mark)
            reserved.RemoveRange(mark, reserved.Count - mark);
    }

    /// <summary>Marks notes as paid for by content that the current measuring sweep plans to place.</summary>
    public void Reserve(int[] numbers)
    {
        if (measureDepth == 0)
            return;
        foreach (var number in numbers)
            if (!reserved.Contains(number))
                reserved.Add(number);
    }

    /// <summary>Extra height the notes would need if placed now; pending collects notes already costed by the caller.</summary>
    public float CostOf(int[] numbers, HashSet<int>? pending)
    {
        float cost = 0;
        bool separatorDue = onPage.Count == 0 && reserved.Count == 0 && (pending is null || pending.Count == 0);
        foreach (var number in numbers)
        {
            if (placed.Contains(number) || reserved.Contains(number) || LayoutOf(number) is not { } note)
                continue;
            if (pending is not null && !pending.Add(number))
                continue;
            cost += note.Height + NoteGap;
            if (separatorDue)
            {
                cost += SeparatorHeight;
                separatorDue = false;
            }
        }
        return cost;
    }

    public void Place(int[] numbers)
    {
        foreach (var number in numbers)
        {
            if (LayoutOf(number) is not { } note || !placed.Add(number))
                continue;
            Height += note.Height + NoteGap + (onPage.Count == 0 ? SeparatorHeight : 0);
            int at = onPage.BinarySearch(number);
            onPage.Insert(at < 0 ? ~at : at, number);
        }
    }

    /// <summary>Draws this page's notes so that they end at bottom.</summary>
    public void Draw(PageCanvas canvas, float x, float bottom, float width, SKColor ruleColour)
    {
        if (onPage.Count == 0)
            return;
        float y = bottom - Height;
        var rule = canvas.Paint(ruleColour, 0.6f);
        canvas.Sk.DrawLine(x, y + SeparatorHeight / 2, x + Math.Min(width, 140), y + SeparatorHeight / 2, rule);
        y += SeparatorHeight;
        foreach (var number in onPage)
        {
            canvas.Sk.DrawNamedDestinationAnnotation(new SKPoint(x, y), NoteDestination(number, canvas.PageNumber));
            var note = Structure.GetValueOrDefault(number);
            canvas.BeginStructure(note);
            y = LayoutOf(number)!.Draw(canvas, x, y) + NoteGap;
            canvas.EndStructure(note, true);
        }
    }
}
