using SkiaSharp;

namespace Briefings.Pdf.Serialization;

/// <summary>How a path is painted.</summary>
internal enum PathPaint
{
    Fill,
    Stroke,
    FillAndStroke,
}

/// <summary>
/// One page's content stream. Coordinates are the layout's: points from the top-left corner of the page
/// (y grows downwards); the builder turns them into PDF's bottom-up space. It keeps the graphics and text
/// state it has written (colours, line width, font, text position) so nothing is repeated, and writes
/// glyphs as 2-byte codes in literal strings (binary, half the bytes of hex: less to compress) in TJ arrays: a glyph that sits where the previous glyph's advance ends continues
/// the string, any other offset on the same baseline is a number in the array (kerning, justified
/// spaces), and only a new baseline moves the line (Td, relative to the line before in the text object).
/// A row of one glyph at a fixed step (leader dots) is one string with character spacing (Tc).
/// Paths (move, line, cubic curve, close, rectangle; filled and/or stroked in a colour and width) are
/// the general drawing interface: rules, fills and borders use them, and so can figures.
/// </summary>
internal sealed class ContentBuilder(float pageHeight, PdfBuffer? reused = null)
{
    // A document's pages are written one after the other, so they can share one (cleared) buffer.
    private readonly PdfBuffer buffer = reused ?? new(1 << 14);

    // Graphics state as written (null: not yet set on this page).
    private SKColor? fill, stroke;
    private float lineWidth = 1;
    private byte alpha = 255;
    private PathPaint pathPaint;

    // Text state: inside BT/ET, the TJ array and literal string being written, font and size, baseline and
    // where the next glyph lands if nothing moves it (points, PDF space).
    private bool inText, inArray, inString;
    private PdfFont? font;
    private float fontSize;
    // The text line matrix's origin as written (Td moves are relative to it; a text object starts at 0, 0).
    private double lineX, lineY, expectedX;
    private bool positioned;

    public PdfBuffer Buffer => buffer;
    public float PageHeight => pageHeight;

    /// <summary>Fonts this page uses (its /Font resources).</summary>
    public HashSet<PdfFont> Fonts { get; } = [];
    /// <summary>Opacities this page uses (its /ExtGState resources); any makes the page a transparency group.</summary>
    public SortedSet<byte> Alphas { get; } = [];

    private float Y(float y) => pageHeight - y;

    // ---- graphics state ----

    public void SetFill(SKColor colour)
    {
        if (fill == colour)
            return;
        SetAlpha(colour.Alpha);
        fill = colour;
        Rgb(colour).Ascii(" rg\n");
    }

    public void SetStroke(SKColor colour)
    {
        if (stroke == colour)
            return;
        SetAlpha(colour.Alpha);
        stroke = colour;
        Rgb(colour).Ascii(" RG\n");
    }

    public void SetLineWidth(float width)
    {
        if (lineWidth == width)
            return;
        lineWidth = width;
        buffer.Number(width, 3).Ascii(" w\n");
    }

    /// <summary>
    /// One graphics state per opacity sets fill and stroke opacity together; a colour set earlier with
    /// another opacity is forgotten, so it is written again (with its own opacity) when next used.
    /// </summary>
    private void SetAlpha(byte value)
    {
        if (alpha == value)
            return;
        alpha = value;
        Alphas.Add(value);
        buffer.Ascii("/GA").Int(value).Ascii(" gs\n");
        if (fill is { } f && f.Alpha != value)
            fill = null;
        if (stroke is { } s && s.Alpha != value)
            stroke = null;
    }

    private PdfBuffer Rgb(SKColor colour) =>
        buffer.Number(colour.Red / 255.0, 3).Byte((byte)' ').Number(colour.Green / 255.0, 3).Byte((byte)' ').Number(colour.Blue / 255.0, 3);

    // ---- paths ----

    /// <summary>
    /// Starts a path to be painted as paint, filled with fillColour and/or stroked with strokeColour at width;
    /// build it with MoveTo, LineTo, CurveTo, ClosePath and Rectangle, then call <see cref="EndPath"/>.
    /// </summary>
    public void BeginPath(PathPaint paint, SKColor fillColour = default, SKColor strokeColour = default, float width = 1)
    {
        EndText();
        pathPaint = paint;
        if (paint != PathPaint.Stroke)
            SetFill(fillColour);
        if (paint != PathPaint.Fill)
        {
            SetStroke(strokeColour);
            SetLineWidth(width);
        }
    }

    public void MoveTo(float x, float y) => buffer.Number(x).Byte((byte)' ').Number(Y(y)).Ascii(" m\n");

    public void LineTo(float x, float y) => buffer.Number(x).Byte((byte)' ').Number(Y(y)).Ascii(" l\n");

    public void CurveTo(float x1, float y1, float x2, float y2, float x3, float y3) =>
        buffer.Number(x1).Byte((byte)' ').Number(Y(y1)).Byte((byte)' ')
            .Number(x2).Byte((byte)' ').Number(Y(y2)).Byte((byte)' ')
            .Number(x3).Byte((byte)' ').Number(Y(y3)).Ascii(" c\n");

    public void ClosePath() => buffer.Ascii("h\n");

    /// <summary>A rectangle with its top-left corner at (x, y).</summary>
    public void Rectangle(float x, float y, float width, float height) =>
        buffer.Number(x).Byte((byte)' ').Number(Y(y + height)).Byte((byte)' ')
            .Number(width).Byte((byte)' ').Number(height).Ascii(" re\n");

    // Graphics and text state saved by BeginClip, restored by EndClip (PDF's q and Q restore both).
    private readonly Stack<(SKColor? Fill, SKColor? Stroke, float LineWidth, byte Alpha, PdfFont? Font, float FontSize)> saved = new();

    /// <summary>Saves the graphics state and clips what is drawn until <see cref="EndClip"/> to a rectangle (top-left at x, y).</summary>
    public void BeginClip(float x, float y, float width, float height)
    {
        EndText();
        buffer.Ascii("q\n");
        saved.Push((fill, stroke, lineWidth, alpha, font, fontSize));
        Rectangle(x, y, width, height);
        buffer.Ascii("W n\n");
    }

    /// <summary>Ends the clip <see cref="BeginClip"/> began: the state returns to what it was before it.</summary>
    public void EndClip()
    {
        EndText();
        buffer.Ascii("Q\n");
        (fill, stroke, lineWidth, alpha, font, fontSize) = saved.Pop();
    }

    /// <summary>Paints the path built since <see cref="BeginPath"/>.</summary>
    public void EndPath() => buffer.Ascii(pathPaint switch { PathPaint.Fill => "f\n", PathPaint.Stroke => "S\n", _ => "B\n" });

    public void Line(float x0, float y0, float x1, float y1, SKColor colour, float width)
    {
        BeginPath(PathPaint.Stroke, strokeColour: colour, width: width);
        MoveTo(x0, y0);
        LineTo(x1, y1);
        EndPath();
    }

    public void FillRectangle(float x, float y, float width, float height, SKColor colour)
    {
        BeginPath(PathPaint.Fill, fillColour: colour);
        Rectangle(x, y, width, height);
        EndPath();
    }

    public void StrokeRectangle(float x, float y, float width, float height, SKColor colour, float strokeWidth)
    {
        BeginPath(PathPaint.Stroke, strokeColour: colour, width: strokeWidth);
        Rectangle(x, y, width, height);
        EndPath();
    }

    // ---- marked content ----

    /// <summary>Starts a marked-content sequence for a structure element: /Tag &lt;&lt;/MCID n&gt;&gt; BDC (outside any text object).</summary>
    public void BeginMarked(string tag, int mcid, string? language = null)
    {
        EndText();
        buffer.Name(tag).Ascii("<</MCID ").Int(mcid);
        if (language is not null)
            buffer.Ascii("/Lang ").Text(language);
        buffer.Ascii(">>BDC\n");
    }

    /// <summary>Starts an artifact: page furniture and decoration that is not part of the content.</summary>
    public void BeginArtifact()
    {
        EndText();
        buffer.Ascii("/Artifact BMC\n");
    }

    public void EndMarked()
    {
        EndText();
        buffer.Ascii("EMC\n");
    }

    /// <summary>Text that copies out as actual instead of what the glyphs map to (inside the current text object).</summary>
    public void BeginActualText(string actual)
    {
        CloseArray();
        if (!inText)
            BeginText();
        buffer.Ascii("/Span<</ActualText ").Text(actual).Ascii(">>BDC\n");
    }

    public void EndActualText()
    {
        CloseArray();
        buffer.Ascii("EMC\n");
    }

    /// <summary>The language of the span open inside the current text object (null: none, the text is in its element's language).</summary>
    public string? SpanLanguage { get; private set; }

    /// <summary>
    /// Text drawn from now on is in language (a /Span with /Lang inside the current text object); null ends
    /// the span. A span ends with its text object at the latest.
    /// </summary>
    public void SetLanguage(string? language)
    {
        if (language == SpanLanguage)
            return;
        CloseArray();
        if (SpanLanguage is not null)
            buffer.Ascii("EMC\n");
        SpanLanguage = language;
        if (language is null)
            return;
        if (!inText)
            BeginText();
        buffer.Ascii("/Span<</Lang ").Text(language).Ascii(">>BDC\n");
    }

    // ---- text ----

    private void BeginText()
    {
        buffer.Ascii("BT\n");
        inText = true;
        // The text matrix starts anew at the origin; the font (text state) carries over from the last text object.
        positioned = false;
        lineX = lineY = 0;
    }

    private void CloseString()
    {
        if (!inString)
            return;
        buffer.Byte((byte)')');
        inString = false;
    }

    private void CloseArray()
    {
        CloseString();
        if (!inArray)
            return;
        buffer.Ascii("]TJ\n");
        inArray = false;
    }

    /// <summary>Ends the text object (before graphics, marked content or the end of the page).</summary>
    public void EndText()
    {
        if (!inText)
            return;
        CloseArray();
        if (SpanLanguage is not null)
        {
            buffer.Ascii("EMC\n");
            SpanLanguage = null;
        }
        buffer.Ascii("ET\n");
        inText = false;
    }

    /// <summary>Offsets below this (points) are treated as none.</summary>
    private const double Tolerance = 0.001;

    /// <summary>Shows one glyph of a font at size (points) in a colour with its origin at (x, y) on the page.</summary>
    public void Glyph(PdfFont glyphFont, float size, SKColor colour, ushort glyph, float x, float y)
    {
        Place(glyphFont, size, colour, x, y);
        Show(glyphFont, size, glyph);
    }

    /// <summary>
    /// Shows a shaped run: glyph g of glyphs at (penX + xs[g] * size, baseline + ys[g] * size). The same as
    /// <see cref="Glyph"/> for each glyph in turn; the state (text object, font, colour, line) is settled by the
    /// first glyph and again only where a glyph leaves the baseline.
    /// </summary>
    public void Glyphs(PdfFont glyphFont, float size, SKColor colour, ReadOnlySpan<ushort> glyphs, ReadOnlySpan<float> xs, ReadOnlySpan<float> ys, float penX, float baseline)
    {
        float lastY = float.NaN;
        for (int g = 0; g < glyphs.Length; g++)
        {
            float x = penX + xs[g] * size, y = baseline + ys[g] * size;
            if (y != lastY)
            {
                Place(glyphFont, size, colour, x, y);
                lastY = y;
            }
            else
                Advance(x, size);
            Show(glyphFont, size, glyphs[g]);
        }
    }

    /// <summary>Writes a glyph's code where the text position is (in the TJ array's string) and moves past its advance.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Show(PdfFont glyphFont, float size, ushort glyph)
    {
        if (!inArray)
        {
            buffer.Byte((byte)'[');
            inArray = true;
        }
        if (!inString)
        {
            buffer.Byte((byte)'(');
            inString = true;
        }
        buffer.Code(glyphFont.Code(glyph));
        expectedX += glyphFont.Width(glyph) * size / 1000;
        glyphFont.Use(glyph);
    }

    /// <summary>
    /// Shows count copies of one glyph, the first with its origin at (x, y), each step points after the one
    /// before (leader dots): one string drawn with character spacing, two bytes a copy.
    /// </summary>
    public void RepeatedGlyph(PdfFont glyphFont, float size, SKColor colour, ushort glyph, float x, float y, float step, int count)
    {
        if (count <= 0)
            return;
        Place(glyphFont, size, colour, x, y);
        // Character spacing is added after every glyph shown; written to a ten-thousandth of a point, so a
        // row of a hundred dots ends within 0.005 pt of its grid. Text state outlives the text object: reset.
        double advance = glyphFont.Width(glyph) * (double)size / 1000;
        double spacing = PdfBuffer.Rounded(step - advance, 4);
        CloseArray();
        buffer.Number(spacing, 4).Ascii(" Tc\n[(");
        int code = glyphFont.Code(glyph);
        for (int i = 0; i < count; i++)
            buffer.Code(code);
        buffer.Ascii(")]TJ\n0 Tc\n");
        expectedX += count * (advance + spacing);
        glyphFont.Use(glyph);
    }

    /// <summary>Makes the next glyph land at (x, y) in font, size and colour: text object, state, line and offset.</summary>
    private void Place(PdfFont glyphFont, float size, SKColor colour, float x, float y)
    {
        if (!inText)
            BeginText();
        if (fill != colour)
        {
            CloseArray();
            SetFill(colour);
        }
        if (glyphFont != font || size != fontSize)
        {
            CloseArray();
            font = glyphFont;
            fontSize = size;
            Fonts.Add(glyphFont);
            buffer.Byte((byte)'/').Ascii(glyphFont.ResourceName).Byte((byte)' ').Number(size, 3).Ascii(" Tf\n");
        }
        double py = pageHeight - (double)y;
        if (!positioned || Math.Abs(py - lineY) > Tolerance)
        {
            // A new line: Td moves the line matrix by the difference to the last line's origin as written, so
            // the written moves add up to the exact positions (no drift).
            CloseArray();
            double dx = PdfBuffer.Rounded(x - lineX, 3), dy = PdfBuffer.Rounded(py - lineY, 3);
            buffer.Number(dx, 3).Byte((byte)' ').Number(dy, 3).Ascii(" Td\n");
            positioned = true;
            lineX = PdfBuffer.Rounded(lineX + dx, 3);
            lineY = PdfBuffer.Rounded(lineY + dy, 3);
            expectedX = lineX;
        }
        else
            Advance(x, size);
    }

    /// <summary>On the current line, makes the next glyph land at x: a number in the TJ array where it is not where the last glyph's advance ends.</summary>
    private void Advance(float x, float size)
    {
        double delta = x - expectedX;
        if (Math.Abs(delta) > Tolerance)
        {
            // A number in a TJ array moves the next glyph left by number/1000 of the font size.
            double adjust = PdfBuffer.Rounded(-delta * 1000 / size, 1); // a tenth of a thousandth of an em: under 0.002 pt
            if (!inArray)
            {
                buffer.Byte((byte)'[');
                inArray = true;
            }
            CloseString();
            buffer.Number(adjust, 1);
            expectedX -= adjust * size / 1000;
        }
    }

    /// <summary>Ends whatever is open; the page's content is then complete.</summary>
    public void Finish() => EndText();
}
