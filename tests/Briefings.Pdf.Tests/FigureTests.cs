using Briefings.Documents;
using UglyToad.PdfPig;
using Xunit;

namespace Briefings.Pdf.Tests;

/// <summary>A figure's display list in the PDF: vector paths and real text, scaled to the text width, never an image.</summary>
public class FigureTests
{
    private static Document WithFigure(Figure figure) => new(
        new DocumentMetadata { Title = "Figures" },
        [new Paragraph([new Documents.Text("Before the figure.")]), figure, new Paragraph([new Documents.Text("After the figure.")])],
        []);

    private static Figure Sample()
    {
        // 200 x 100 units: a filled bar, a stroked line clipped to the left half, and a centred label.
        var drawing = new Drawing(200, 100,
        [
            new DrawingPath([PathSegment.MoveTo(20, 20), PathSegment.LineTo(60, 20), PathSegment.LineTo(60, 90), PathSegment.LineTo(20, 90), PathSegment.Close()], "#1F3864", null, 0),
            new DrawingPath([PathSegment.MoveTo(0, 50), PathSegment.CubicTo(50, 0, 150, 100, 200, 50)], null, "#A00000", 2) { Clip = new DrawingRect(0, 0, 100, 100) },
            new DrawingText("Quarterly meetings", FontRole.Heading, 10, "#1A1A1A", 100, 12, TextAnchor.Middle),
        ]);
        return new Figure("Figure caption", "A bar and a line", FigureSize.FullWidth(drawing), drawing);
    }

    [Fact]
    public void A_figure_is_drawn_as_paths_and_selectable_text_with_its_caption_and_no_image()
    {
        using var stream = new MemoryStream();
        new PdfDocumentWriter().Write(WithFigure(Sample()), new Theme { Cover = new CoverTheme { Enabled = false } }, stream);
        using var pdf = PdfDocument.Open(stream.ToArray());
        var page = pdf.GetPage(1);
        Assert.Empty(page.GetImages());
        var words = page.GetWords().Select(w => w.Text).SkipWhile(w => w != "Before").Take(10).ToList();
        Assert.Equal(["Before", "the", "figure.", "Quarterly", "meetings", "Figure", "caption", "After", "the", "figure."], words);
        // The label is centred on the drawing's middle, which is the middle of the text column.
        var theme = new Theme();
        var middle = theme.Page.MarginLeft + (theme.Page.Width - theme.Page.MarginLeft - theme.Page.MarginRight) / 2;
        var label = page.GetWords().Where(w => w.Text is "Quarterly" or "meetings").ToList();
        Assert.InRange((label[0].BoundingBox.Left + label[1].BoundingBox.Right) / 2, middle - 3, middle + 3);
        // The bar, scaled to the text width (459.28 / 200 units), is a filled path about 92 pt wide.
        Assert.Contains(page.Paths, p => p.IsFilled && Math.Abs((p.GetBoundingRectangle()?.Width ?? 0) - 40 * (459.28 / 200)) < 1);
    }

    [Fact]
    public void A_figure_taller_than_the_space_left_moves_to_the_next_page_with_its_caption()
    {
        var figure = Sample() with { Size = new FigureSize(1, null, 1.2) };
        var blocks = Enumerable.Range(0, 30).Select(i => (Block)new Paragraph([new Documents.Text($"Paragraph {i} of text that fills the page.")])).Append(figure).ToList();
        using var stream = new MemoryStream();
        new PdfDocumentWriter().Write(new Document(new DocumentMetadata { Title = "T" }, blocks, []), new Theme { Cover = new CoverTheme { Enabled = false } }, stream);
        using var pdf = PdfDocument.Open(stream.ToArray());
        var withLabel = pdf.GetPages().Where(p => p.GetWords().Any(w => w.Text == "Quarterly")).ToList();
        var page = Assert.Single(withLabel);
        Assert.Contains(page.GetWords(), w => w.Text == "caption");
        Assert.DoesNotContain(page.GetWords(), w => w.Text == "Paragraph");
    }
}
