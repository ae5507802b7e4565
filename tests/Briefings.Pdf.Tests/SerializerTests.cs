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
        content.Glyph(font, 10, SKColors.Black, b, 50, 120);                          // a new baseline: a line move
        content.Finish();
        var text = Ascii(content.Buffer);
        // A text object starts at the origin; each new line moves relative to the line before.
        Assert.Contains("100 700 Td\n", text);
        Assert.Contains("-50 -20 Td\n", text);
        Assert.Equal(2, text.Split(" Td\n").Length - 1);
        Assert.DoesNotContain(" Tm", text);
        Assert.Contains("[(\0\n\0\v)-100(\0\n)]TJ", text);
        Assert.StartsWith("BT\n0 0 0 rg\n/F1 10 Tf\n", text);
        Assert.EndsWith("ET\n", text);
    }

    [Fact]
    public void Relative_line_moves_add_up_to_every_line_position_without_drift()
    {
        var face = Fonts.FontSet.For(new Briefings.Documents.Theme().Fonts).Body.Regular;
        var font = new PdfFont(face, "F1", new PdfFileWriter().Reserve());
        var content = new ContentBuilder(842);
        var targets = Enumerable.Range(0, 300).Select(i => (X: 68.0004f + (i % 3) * 13.33337f, Y: 40.0005f + i * 2.6666667f)).ToList();
        foreach (var (x, y) in targets)
            content.Glyph(font, 10, SKColors.Black, 10, x, y);
        content.Finish();
        double lineX = 0, lineY = 0;
        var moves = Ascii(content.Buffer).Split('\n').Where(l => l.EndsWith(" Td", StringComparison.Ordinal)).ToList();
        Assert.Equal(targets.Count, moves.Count);
        for (int i = 0; i < moves.Count; i++)
        {
            var parts = moves[i].Split(' ');
            lineX += double.Parse(parts[0], CultureInfo.InvariantCulture);
            lineY += double.Parse(parts[1], CultureInfo.InvariantCulture);
            Assert.InRange(Math.Abs(lineX - targets[i].X), 0, 0.0011);
            Assert.InRange(Math.Abs(lineY - (842 - (double)targets[i].Y)), 0, 0.0011);
        }
    }

    [Fact]
    public void Leader_dots_are_one_string_with_character_spacing_that_keeps_them_on_their_grid()
    {
        var face = Fonts.FontSet.For(new Briefings.Documents.Theme().Fonts).Body.Regular;
        var font = new PdfFont(face, "F1", new PdfFileWriter().Reserve());
        var content = new ContentBuilder(800);
        ushort dot = 17;
        content.RepeatedGlyph(font, 9.5f, SKColors.Gray, dot, 100.3f, 200, 4.5f, 120);
        content.Glyph(font, 9.5f, SKColors.Gray, dot, (float)(100.3 + 120 * 4.5), 200); // the next glyph on the grid continues the line
        content.Finish();
        var text = Ascii(content.Buffer);
        var spacingLine = text.Split('\n').Single(l => l.EndsWith(" Tc", StringComparison.Ordinal) && l != "0 Tc");
        double spacing = double.Parse(spacingLine[..^3], CultureInfo.InvariantCulture);
        double advance = font.Width(dot) * 9.5 / 1000 + spacing;
        // The last of 120 dots lies within 0.01 pt of its place on the 4.5 pt grid.
        Assert.InRange(Math.Abs(100.3 + 119 * advance - (100.3 + 119 * 4.5)), 0, 0.01);
        Assert.Contains("Tc\n[(" + string.Concat(Enumerable.Repeat("\0\u0011", 120)) + ")]TJ\n0 Tc\n", text);
        Assert.Equal(1, text.Split(" Td\n").Length - 1); // no new line for the glyph after the dots
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
