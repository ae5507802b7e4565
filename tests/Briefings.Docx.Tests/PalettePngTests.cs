using System.Buffers.Binary;
using Briefings.Docx.Figures;
using SkiaSharp;
using Xunit;

namespace Briefings.Docx.Tests;

/// <summary>The figures' palette PNG: exact with up to 256 colours, the nearest kept colour beyond, and read back by a decoder.</summary>
public class PalettePngTests
{
    /// <summary>
    /// Pixels as Skia's opaque RGB keeps them (R, G, B, then a byte that is ignored), rows padded to <paramref name="stride"/>.
    /// The fourth byte is 0xFF, as Skia writes it, unless <paramref name="noise"/>: then it differs from pixel to pixel.
    /// </summary>
    private static byte[] Pixels(int width, int height, int stride, Func<int, int, (byte R, byte G, byte B)> colour, bool noise = false)
    {
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = colour(x, y);
                var at = y * stride + 4 * x;
                (pixels[at], pixels[at + 1], pixels[at + 2], pixels[at + 3]) = (r, g, b, noise ? (byte)(x * 7 + y) : (byte)0xFF);
            }
        return pixels;
    }

    private static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a PNG a decoder reads");

    private static (byte R, byte G, byte B) At(SKBitmap bitmap, int x, int y)
    {
        var c = bitmap.GetPixel(x, y);
        return (c.Red, c.Green, c.Blue);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_picture_of_up_to_256_colours_is_exact_and_written_as_a_palette(bool noise)
    {
        // 256 colours exactly (k is y in the first ten columns, else 3x + 5y modulo 256), in runs and single pixels, in
        // rows padded beyond the width.
        static (byte, byte, byte) Colour(int x, int y)
        {
            var k = x < 10 ? y : (3 * x + 5 * y) % 256;
            return ((byte)k, (byte)(255 - k), (byte)(k / 2));
        }
        const int width = 57, height = 31, stride = 4 * 64;
        var png = PalettePng.Encode(Pixels(width, height, stride, Colour, noise), width, height, stride);
        Assert.Equal(3, png[25]); // colour type in IHDR: palette
        Assert.Equal(8, png[24]);
        Assert.Equal(256, PaletteSize(png));
        using var bitmap = Decode(png);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                Assert.Equal(Colour(x, y), At(bitmap, x, y));
        // The same pixels give the same file.
        Assert.Equal(png, PalettePng.Encode(Pixels(width, height, stride, Colour, noise), width, height, stride));
    }

    [Fact]
    public void Beyond_256_colours_the_frequent_ones_are_exact_and_the_rare_take_the_nearest()
    {
        // Four flat areas and, across the middle row, a band of 600 distinct colours (each one pixel).
        static (byte, byte, byte) Colour(int x, int y) => y == 10
            ? ((byte)(x % 256), (byte)(x % 256), (byte)(x / 256 * 3))
            : (x < 300, y < 10) switch
            {
                (true, true) => ((byte)255, (byte)255, (byte)255),
                (true, false) => ((byte)31, (byte)56, (byte)100),
                (false, true) => ((byte)200, (byte)30, (byte)30),
                _ => ((byte)10, (byte)10, (byte)10),
            };
        const int width = 600, height = 21;
        var png = PalettePng.Encode(Pixels(width, height, 4 * width, Colour), width, height, 4 * width);
        Assert.Equal(3, png[25]);
        var plte = PaletteSize(png);
        Assert.Equal(256, plte);
        using var bitmap = Decode(png);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var want = Colour(x, y);
                var got = At(bitmap, x, y);
                if (y != 10)
                    Assert.Equal(want, got);
                else
                    // A grey that was not kept is drawn in a kept colour at most a few steps away.
                    Assert.True(Math.Abs(want.Item1 - got.R) + Math.Abs(want.Item2 - got.G) + Math.Abs(want.Item3 - got.B) <= 12, $"pixel {x}: {want} became {got}");
            }
        // The same pixels give the same file.
        Assert.Equal(png, PalettePng.Encode(Pixels(width, height, 4 * width, Colour), width, height, 4 * width));
    }

    [Fact]
    public void The_colours_kept_are_those_of_the_most_pixels_not_of_the_most_runs()
    {
        // Row 0: one colour over all 700 pixels, a single run. Rows 1 and 2: 350 colours, each twice, in two runs of one
        // pixel. Counted by runs, the wide colour would come last and be dropped; counted by pixels it comes first.
        const int width = 700, height = 3;
        static (byte, byte, byte) Colour(int x, int y) => y == 0
            ? ((byte)250, (byte)10, (byte)10)
            : ((byte)(x / 2 % 256), (byte)(60 + x / 2 / 256 * 60), (byte)200);
        var png = PalettePng.Encode(Pixels(width, height, 4 * width, Colour), width, height, 4 * width);
        Assert.Equal(256, PaletteSize(png));
        using var bitmap = Decode(png);
        for (var x = 0; x < width; x++)
            Assert.Equal(((byte)250, (byte)10, (byte)10), At(bitmap, x, 0));
        // Every pixel of the rows below is in a colour no further than the nearest kept one.
        for (var x = 0; x < width; x++)
        {
            var want = Colour(x, 1);
            var got = At(bitmap, x, 1);
            Assert.Equal(got, At(bitmap, x, 2));
            Assert.True(Math.Abs(want.Item1 - got.R) + Math.Abs(want.Item2 - got.G) + Math.Abs(want.Item3 - got.B) <= 64, $"pixel {x}: {want} became {got}");
        }
    }

    [Fact]
    public void A_figure_fallback_is_a_palette_picture_at_300_dpi()
    {
        var drawing = new Briefings.Documents.Drawing(200, 100,
        [
            new Briefings.Documents.DrawingPath([Briefings.Documents.PathSegment.MoveTo(10, 10), Briefings.Documents.PathSegment.LineTo(150, 20),
                Briefings.Documents.PathSegment.LineTo(80, 90), Briefings.Documents.PathSegment.Close()], "#1F3864", "#FFFFFF", 0.5),
            new Briefings.Documents.DrawingText("Samarkand", Briefings.Documents.FontRole.Heading, 9, "#1A1A1A", 100, 50, Briefings.Documents.TextAnchor.Start, Bold: true),
        ]);
        var png = FigurePictures.Png(drawing, new Briefings.Documents.Theme().Fonts, 200, 100);
        Assert.Equal(3, png[25]);
        Assert.Equal((833, 417), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        using var bitmap = Decode(png);
        Assert.Equal((255, 255, 255), At(bitmap, 2, 2));
        Assert.Equal((0x1F, 0x38, 0x64), At(bitmap, 330, 150));
        // A whole row inside the filled triangle, where runs are long: every pixel of the run, not just its first.
        for (var x = 200; x < 300; x++)
            Assert.Equal((0x1F, 0x38, 0x64), At(bitmap, x, 150));
    }

    /// <summary>The number of palette entries: the PLTE chunk's length over three.</summary>
    private static int PaletteSize(byte[] png)
    {
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (png.AsSpan(at + 4, 4).SequenceEqual("PLTE"u8))
                return length / 3;
            at += 12 + length;
        }
        throw new InvalidOperationException("no PLTE chunk");
    }
}
