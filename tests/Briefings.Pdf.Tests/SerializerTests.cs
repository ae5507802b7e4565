using System.Globalization;
using System.Text;
using Briefings.Pdf.Serialization;
using SkiaSharp;
using Xunit;

namespace Briefings.Pdf.Tests;

/// <summary>The serializer's building blocks: number syntax and the content-stream operations figures will draw with.</summary>
public class SerializerTests
{
    private static string Ascii(PdfBuffer buffer) => Encoding.ASCII.GetString(buffer.Span);

    [Fact]
    public void Numbers_are_written_without_exponent_trailing_zeros_or_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var buffer = new PdfBuffer();
            foreach (var (value, decimals) in new[] { (0.0, 2), (1.5, 2), (-0.004, 2), (-0.006, 2), (12.345678, 3), (1e-7, 3), (123456789.0, 2), (0.1, 5) })
                buffer.Number(value, decimals).Byte((byte)' ');
            Assert.Equal("0 1.5 0 -0.01 12.346 0 123456789 0.1 ", Ascii(buffer));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Paths_are_written_in_pdf_space_with_their_paint()
    {
        var content = new ContentBuilder(pageHeight: 800);
        content.BeginPath(PathPaint.FillAndStroke, SKColors.Red, new SKColor(0, 0, 255), 2);
        content.MoveTo(10, 20);
        content.LineTo(110, 20);
        content.CurveTo(120, 30, 120, 40, 110, 50);
        content.ClosePath();
        content.EndPath();
        content.FillRectangle(0, 0, 100, 50, new SKColor(0, 128, 0, 128));
        content.Finish();
        var text = Ascii(content.Buffer);
        Assert.Equal(
            "1 0 0 rg\n0 0 1 RG\n2 w\n10 780 m\n110 780 l\n120 770 120 760 110 750 c\nh\nB\n" +
            "/GA128 gs\n0 0.502 0 rg\n0 750 100 50 re\nf\n", text);
        Assert.Equal([(byte)128], content.Alphas);
    }

    [Fact]
    public void Glyphs_on_one_baseline_share_a_string_and_offsets_become_array_numbers()
    {
        var theme = new Briefings.Documents.Theme();
        var face = Fonts.FontSet.For(theme.Fonts).Body.Regular;
        var file = new PdfFileWriter();
        var font = new PdfFont(face, "F1", file.Reserve());
        var content = new ContentBuilder(800);
        ushort a = 10, b = 11;
        double width = font.Width(a) * 10 / 1000;
        content.Glyph(font, 10, SKColors.Black, a, 100, 100);
        content.Glyph(font, 10, SKColors.Black, b, (float)(100 + width), 100);      // where the advance ends: same string
        content.Glyph(font, 10, SKColors.Black, a, (float)(100 + width + 1 + font.Width(b) * 10 / 1000), 100); // 1 pt further: a number
        content.Glyph(font, 10, SKColors.Black, b, 50, 120);                          // a new baseline: a text matrix
        content.Finish();
        var text = Ascii(content.Buffer);
        Assert.Equal(2, text.Split(" Tm\n").Length - 1);
        Assert.Contains("[(\0\n\0\v)-100(\0\n)]TJ", text);
        Assert.StartsWith("BT\n0 0 0 rg\n/F1 10 Tf\n", text);
        Assert.EndsWith("ET\n", text);
    }

    [Fact]
    public void Glyph_codes_are_binary_string_bytes_with_delimiters_backslash_and_carriage_return_escaped()
    {
        var face = Fonts.FontSet.For(new Briefings.Documents.Theme().Fonts).Body.Regular;
        var file = new PdfFileWriter();
        var font = new PdfFont(face, "F1", file.Reserve());
        var content = new ContentBuilder(800);
        ushort first = 0x285C, second = 0x0D29, third = 0x4142; // "(\", CR ")", "AB"
        content.Glyph(font, 10, SKColors.Black, first, 100, 100);
        content.Glyph(font, 10, SKColors.Black, second, (float)(100 + font.Width(first) * 10 / 1000.0), 100);
        content.Glyph(font, 10, SKColors.Black, third, (float)(100 + (font.Width(first) + font.Width(second)) * 10 / 1000.0), 100);
        content.Finish();
        Assert.Equal((ushort)0x285C, (ushort)font.Code(first));
        Assert.Contains("[(\\(\\\\\\r\\)AB)]TJ", Ascii(content.Buffer));
    }
}
