using Briefings.Documents;
using Briefings.Docx.Figures;
using Xunit;

namespace Briefings.Docx.Tests;

/// <summary>The PNG fallback drawn once per process for the same content, and never for merely similar content.</summary>
public class FigurePictureTests
{
    private static Drawing Map(double x, bool covered, bool mesh = false) => new(200, 100,
    [
        new DrawingPath([PathSegment.MoveTo(10, 10), PathSegment.LineTo(x, 20), PathSegment.LineTo(80, 90), PathSegment.Close()], "#1F3864", null, 0) { EdgesCovered = covered },
        new DrawingPath([PathSegment.MoveTo(10, 10), PathSegment.LineTo(x, 20), PathSegment.LineTo(80, 90), PathSegment.Close()], null, "#FFFFFF", 0.5) { Mesh = mesh },
        new DrawingText("Samarkand", FontRole.Heading, 9, "#1A1A1A", 100, 50, TextAnchor.Start, Bold: true),
    ]);

    private static readonly FontTheme Fonts = new Theme().Fonts;

    [Fact]
    public void A_cached_picture_is_exactly_the_one_its_own_drawing_gives()
    {
        var first = FigurePictures.CachedPng(Map(60, covered: true), Fonts, 200, 100);
        Assert.Equal(FigurePictures.Png(Map(60, covered: true), Fonts, 200, 100), first);
        // Drawn once: the second call for the same content returns the same picture.
        Assert.Same(first, FigurePictures.CachedPng(Map(60, covered: true), Fonts, 200, 100));
        // Content that differs below the SVG's two decimals, or only in how a raster may fill it, is drawn for itself.
        var nudged = FigurePictures.CachedPng(Map(60.001, covered: true), Fonts, 200, 100);
        Assert.NotSame(first, nudged);
        Assert.Equal(FigurePictures.Png(Map(60.001, covered: true), Fonts, 200, 100), nudged);
        var smooth = FigurePictures.CachedPng(Map(60, covered: false), Fonts, 200, 100);
        Assert.Equal(FigurePictures.Png(Map(60, covered: false), Fonts, 200, 100), smooth);
        Assert.NotEqual(first, smooth);
        var mesh = FigurePictures.CachedPng(Map(60, covered: true, mesh: true), Fonts, 200, 100);
        Assert.Equal(FigurePictures.Png(Map(60, covered: true, mesh: true), Fonts, 200, 100), mesh);
        Assert.NotEqual(first, mesh);
    }
}
