using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using Xunit;

namespace Briefings.Integration.Tests;

/// <summary>Every sample pack's PDF, read back with PdfPig as a reader's viewer would show it.</summary>
public class PdfPackTests
{
    public static IEnumerable<object[]> PacksWithPdf() => SamplePacks.NamesWithPdf();

    /// <summary>
    /// No text is printed over other text anywhere: no two words' boxes on a page overlap (a table row running
    /// into the notes, a cell over its neighbour, a header over the body). Boxes that only touch or kern into each other (an italic f overhanging the next word, a note mark
    /// against its word, a line's descenders on the next line's ascenders) are not overlaps.
    /// </summary>
    [Theory]
    [MemberData(nameof(PacksWithPdf))]
    public void No_two_words_on_any_page_overlap(string pack)
    {
        using var pdf = PdfDocument.Open(SamplePacks.Get(pack).Pdf.Value);
        var overlaps = new List<string>();
        foreach (var page in pdf.GetPages())
        {
            var boxes = WordBoxes(page);
            for (int i = 0; i < boxes.Count; i++)
                for (int j = i + 1; j < boxes.Count && boxes[j].Left < boxes[i].Right; j++)
                    if (Overlap(boxes[i], boxes[j]))
                        overlaps.Add($"page {page.Number}: \"{boxes[i].Text}\" and \"{boxes[j].Text}\"");
        }
        Assert.True(overlaps.Count == 0, $"{pack}: {overlaps.Count} overlaps: {string.Join("; ", overlaps.Take(10))}");
    }

    private sealed record Box(string Text, double Left, double Right, double Bottom, double Top);

    /// <summary>Words by their letters' glyph boxes, sorted by left edge (so only neighbours in x are compared).</summary>
    private static List<Box> WordBoxes(Page page) =>
        page.GetWords()
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .Select(w => new Box(w.Text, w.BoundingBox.Left, w.BoundingBox.Right, w.BoundingBox.Bottom, w.BoundingBox.Top))
            .OrderBy(b => b.Left)
            .ToList();

    /// <summary>Two boxes overlap when they share more than a sliver in both directions.</summary>
    private static bool Overlap(Box a, Box b)
    {
        double x = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        double y = Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
        double smallerHeight = Math.Min(a.Top - a.Bottom, b.Top - b.Bottom);
        return x > 1.5 && y > Math.Max(0.5, 0.3 * smallerHeight);
    }

}
