using Briefings.Documents;
using Briefings.Pdf.Fonts;
using Briefings.Pdf.Rendering;
using SkiaSharp;

namespace Briefings.Pdf.Text;

/// <summary>A shaped piece of a paragraph that line breaking never splits (a word, a word part in one style, a CJK character).</summary>
internal sealed class Token(TextStyle style, ShapedText shaped, string? link, int footnote)
{
    /// <summary>The token's characters (the shaped text's: a word repeated in a paragraph shares one string).</summary>
    public string Text => Shaped.Text;
    /// <summary>Right-to-left text (Arabic, Hebrew): its words are laid out right to left within the line.</summary>
    public bool IsRightToLeft { get; } = StartsRightToLeft(shaped.Text);
    public TextStyle Style { get; } = style;
    public ShapedText Shaped { get; } = shaped;
    public string? Link { get; } = link;
    public int Footnote { get; } = footnote;
    public float Width => Shaped.Width * Style.Size;
    /// <summary>Natural width of the space after this token (0 when a word continues in another style).</summary>
    public float SpaceAfter { get; set; }
    /// <summary>The space glyph drawn after the token, so extracted and copied text keeps its word breaks.</summary>
    public ShapedText? Space { get; set; }
    /// <summary>A line may end after this token.</summary>
    public bool BreakAfter { get; set; }
    public bool HardBreakAfter { get; set; }
    /// <summary>The token ends with a hyphen added by hyphenation (not in the text).</summary>
    public bool AddedHyphen { get; set; }

    public static bool HasRightToLeft(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
            if (IsRightToLeftLetter(c))
                return true;
        return false;
    }

    private static bool IsRightToLeftLetter(char c) =>
        c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    private static bool StartsRightToLeft(string text)
    {
        foreach (char c in text)
        {
            if (IsRightToLeftLetter(c))
                return true;
            if (char.IsLetter(c))
                return false;
        }
        return false;
    }
}

/// <summary>One laid-out line: tokens with their final x positions (alignment and justification applied).</summary>
internal sealed class TextLine(Token[] tokens, float[] x, float height, float baseline, int[] footnotes)
{
    public Token[] Tokens { get; } = tokens;
    public float[] X { get; } = x;
    public float Height { get; } = height;
    /// <summary>Baseline distance from the top of the line.</summary>
    public float Baseline { get; } = baseline;
    /// <summary>Footnote numbers referenced on this line.</summary>
    public int[] Footnotes { get; } = footnotes;

    public float Right => Tokens.Length == 0 ? 0 : X[^1] + Tokens[^1].Width;

    /// <summary>
    /// When the line ends inside a word broken at a hyphen ("Kassym-" | "Jomart", or an added hyphen
    /// "hyphen-" | "ation"): the whole word, which the last token copies out as (the PDF's ActualText), so
    /// copied and searched text has the word whole and keeps a hard hyphen.
    /// </summary>
    public string? BrokenWord { get; set; }
    /// <summary>The line starts with the rest of a word broken on the line before (it copies out as nothing there).</summary>
    public bool StartsWithWordEnd { get; set; }
}

/// <summary>
/// Breaks styled text into lines: at spaces, after hyphens and dashes, and between CJK characters,
/// greedily (first fit), with alignment and justification. Shaping comes from the shared cache.
/// </summary>
internal sealed class TextLayout
{
    private TextLayout(IReadOnlyList<TextLine> lines) => Lines = lines;

    public IReadOnlyList<TextLine> Lines { get; }
    public float Height => Lines.Sum(l => l.Height);

    /// <summary>Lays out styled text hyphenated by British English patterns (the house default).</summary>
    public static TextLayout Create(IReadOnlyList<TextSpan> spans, float width, TextAlignment alignment, float lineHeight, FontSet fonts, ProblemLog problems) =>
        Create(spans, width, alignment, lineHeight, fonts, problems, Hyphenation.Hyphenator.EnGb);

    /// <summary>Lays out styled text hyphenated by the patterns given (null: no hyphenation; the document's language decides).</summary>
    public static TextLayout Create(IReadOnlyList<TextSpan> spans, float width, TextAlignment alignment, float lineHeight, FontSet fonts, ProblemLog problems, Hyphenation.Hyphenator? hyphenator) =>
        Create(Tokens(spans, fonts, problems), width, alignment, lineHeight, fonts, hyphenator);

    /// <summary>
    /// Lays out tokens made by Tokens (which a caller may keep and lay out again at another width, or measure
    /// with ContentWidths, without shaping and splitting the text again). The list is not changed.
    /// </summary>
    public static TextLayout Create(IReadOnlyList<Token> tokens, float width, TextAlignment alignment, float lineHeight, FontSet fonts, Hyphenation.Hyphenator? hyphenator) =>
        new(BreakLines(new LineTokens(tokens), width, alignment, lineHeight, fonts, hyphenator));

    /// <summary>
    /// The tokens being broken into lines: the caller's list (never changed) until a word has to be split
    /// (hyphenated, or cut to fit), then a copy of it with the split word's two parts.
    /// </summary>
    private sealed class LineTokens(IReadOnlyList<Token> source)
    {
        private List<Token> items = source as List<Token> ?? [.. source];
        private bool copied = source is not List<Token>;

        public int Count => items.Count;
        public Token this[int index] => items[index];

        /// <summary>Replaces the token at index by head and tail.</summary>
        public void Split(int index, Token head, Token tail)
        {
            if (!copied)
            {
                items = [.. items];
                copied = true;
            }
            items[index] = head;
            items.Insert(index + 1, tail);
        }
    }

    /// <summary>The text split into shaped tokens; characters no font can draw are reported to problems.</summary>
    public static IReadOnlyList<Token> Tokens(IReadOnlyList<TextSpan> spans, FontSet fonts, ProblemLog problems)
    {
        var missing = new MissingGlyphs();
        var tokens = Tokenize(spans, fonts, missing);
        if (missing.CodePoints.Count > 0)
            problems.MissingGlyphs(string.Concat(spans.Select(s => s.Text)), missing.CodePoints, string.Join("; ", missing.FontsTried));
        return tokens;
    }

    /// <summary>
    /// The widest piece the text can never be broken inside (its narrowest possible line) and its widest line
    /// when it is broken only at hard line breaks: the minimum and preferred widths of a table column.
    /// </summary>
    public static (float Min, float Max) ContentWidths(IReadOnlyList<Token> tokens)
    {
        float min = 0, max = 0, piece = 0, line = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            piece += token.Width;
            line += token.Width;
            min = Math.Max(min, piece);
            max = Math.Max(max, line);
            if (token.BreakAfter)
                piece = 0;
            if (token.HardBreakAfter)
                line = 0;
            else
                line += token.SpaceAfter;
        }
        return (min, max);
    }

    /// <summary>Characters of one paragraph that no font can draw, reported together with the paragraph's text.</summary>
    private sealed class MissingGlyphs
    {
        private List<int>? codePoints;
        private SortedSet<string>? fontsTried;

        public IReadOnlyList<int> CodePoints => codePoints ?? [];
        public IEnumerable<string> FontsTried => fontsTried ?? [];

        public void Add(int[] missing, string fonts)
        {
            (codePoints ??= []).AddRange(missing);
            (fontsTried ??= new(StringComparer.Ordinal)).Add(fonts);
        }
    }

    // ---- tokenizing ---------------------------------------------------------------------------

    private static List<Token> Tokenize(IReadOnlyList<TextSpan> spans, FontSet fonts, MissingGlyphs problems)
    {
        // About one token per six characters of prose: sized once, not grown word by word.
        int characters = 0;
        for (int k = 0; k < spans.Count; k++)
            characters += spans[k].Text?.Length ?? 0;
        var tokens = new List<Token>(characters / 6 + 1);
        for (int k = 0; k < spans.Count; k++)
        {
            var span = spans[k];
            if (span.LineBreak)
            {
                if (tokens.Count == 0 || tokens[^1].HardBreakAfter)
                    tokens.Add(MakeToken("", span, fonts, problems));
                tokens[^1].HardBreakAfter = true;
                tokens[^1].BreakAfter = true;
                continue;
            }
            var text = span.Text;
            int wordStart = 0;
            for (int i = 0; i < text.Length;)
            {
                char c = text[i];
                if (c is ' ' or '\t' or '\n' or '\r')
                {
                    Flush(wordStart, i, breakAfter: false);
                    if (tokens.Count > 0 && !tokens[^1].HardBreakAfter)
                    {
                        var last = tokens[^1];
                        last.BreakAfter = true;
                        if (last.SpaceAfter == 0)
                        {
                            last.Space = fonts.Shape(span.Style.Family, span.Style.Bold, span.Style.Italic, " ");
                            last.SpaceAfter = last.Space.Width * span.Style.Size;
                        }
                    }
                    wordStart = ++i;
                    continue;
                }
                int codePoint = CharExtensions.ConvertToUtf32OrReplacement(text, i);
                int length = codePoint >= 0x10000 ? 2 : 1;
                if (IsCjk(codePoint))
                {
                    Flush(wordStart, i, breakAfter: true);
                    int end = i + length;
                    while (end < text.Length && IsClosingPunctuation(text[end]))
                        end++;
                    tokens.Add(MakeToken(text.AsSpan(i, end - i), span, fonts, problems));
                    tokens[^1].BreakAfter = true;
                    wordStart = i = end;
                    continue;
                }
                // Break after a hyphen, dash or slash between words, never inside a number ("2023-12-04", "15–16").
                if (c is '-' or '\u2010' or '\u2013' or '\u2014' or '/' && i > wordStart
                    && !(char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
                {
                    Flush(wordStart, i + 1, breakAfter: true);
                    wordStart = i + 1;
                }
                i += length;
            }
            Flush(wordStart, text.Length, breakAfter: false);

            void Flush(int start, int end, bool breakAfter)
            {
                if (end <= start)
                {
                    if (breakAfter && tokens.Count > 0)
                        tokens[^1].BreakAfter = true;
                    return;
                }
                var piece = text.AsSpan(start, end - start);
                if (Token.HasRightToLeft(piece))
                {
                    // Brackets and punctuation around right-to-left words stay where the sentence puts them.
                    int a = 0, b = piece.Length;
                    while (a < b && !char.IsLetterOrDigit(piece[a])) a++;
                    while (b > a && !char.IsLetterOrDigit(piece[b - 1])) b--;
                    if (a > 0) tokens.Add(MakeToken(piece[..a], span, fonts, problems));
                    tokens.Add(MakeToken(piece[a..b], span, fonts, problems));
                    if (b < piece.Length) tokens.Add(MakeToken(piece[b..], span, fonts, problems));
                    tokens[^1].BreakAfter = breakAfter;
                    return;
                }
                var token = MakeToken(piece, span, fonts, problems);
                token.BreakAfter = breakAfter;
                tokens.Add(token);
            }
        }
        return tokens;
    }

    private static Token MakeToken(ReadOnlySpan<char> text, TextSpan span, FontSet fonts, MissingGlyphs? problems)
    {
        var style = span.Style;
        var shaped = fonts.Shape(style.Family, style.Bold, style.Italic, text);
        if (shaped.Missing.Length > 0 && problems is not null)
            problems.Add(shaped.Missing, fonts.DescribeChain(style.Family, style.Bold, style.Italic));
        return new Token(style, shaped, span.Link, span.Footnote);
    }

    private static bool IsCjk(int c) =>
        c is >= 0x2E80 and <= 0x2FDF      // radicals
        or >= 0x3040 and <= 0x30FF        // kana
        or >= 0x3400 and <= 0x4DBF        // extension A
        or >= 0x4E00 and <= 0x9FFF        // unified ideographs
        or >= 0xAC00 and <= 0xD7AF        // hangul
        or >= 0xF900 and <= 0xFAFF
        or >= 0x20000 and <= 0x3FFFF;

    // Never start a line with these: they stay with the character before them.
    private static bool IsClosingPunctuation(char c) => "，。、；：！？）」』》〉】,.;:!?)".Contains(c);

    // ---- line breaking ------------------------------------------------------------------------

    private static List<TextLine> BreakLines(LineTokens tokens, float width, TextAlignment alignment, float lineHeight, FontSet fonts, Hyphenation.Hyphenator? hyphenator)
    {
        // Sized for the lines the natural width suggests (grown if justification or hyphenation needs more).
        float natural = 0;
        for (int k = 0; k < tokens.Count; k++)
            natural += tokens[k].Width + tokens[k].SpaceAfter;
        var lines = new List<TextLine>(width > 0 ? Math.Min((int)(natural / width) + 2, tokens.Count + 1) : 4);
        int start = 0;
        while (start < tokens.Count)
        {
            float used = 0;
            int lastBreak = -1;
            int end = tokens.Count;
            bool hard = false;
            for (int j = start; j < tokens.Count; j++)
            {
                var token = tokens[j];
                float gap = j > start ? tokens[j - 1].SpaceAfter : 0;
                if (used + gap + token.Width > width + 0.01f)
                {
                    if (j == start)
                    {
                        // A single piece wider than the line: hyphenate it at a pattern point, or (a long URL,
                        // a code) split it between characters.
                        if (!Hyphenate(tokens, j, width, fonts, hyphenator))
                            SplitToWidth(tokens, j, width, fonts);
                        end = j + 1;
                    }
                    else if (LineEndsAt(lastBreak, start, j) && width - used > LooseLine * width && !StartsUpper(token.Text)
                             && Hyphenate(tokens, j, width - used - gap, fonts, hyphenator))
                        end = j + 1; // the line would be loose: hyphenate the word that does not fit
                    else
                        end = lastBreak >= start ? lastBreak + 1 : j;
                    break;
                }
                used += gap + token.Width;
                if (token.HardBreakAfter)
                {
                    end = j + 1;
                    hard = true;
                    break;
                }
                if (token.BreakAfter)
                    lastBreak = j;
            }
            bool last = end >= tokens.Count;
            lines.Add(PlaceLine(tokens, start, end - start, width, alignment, lineHeight, justify: !last && !hard));
            start = end;
        }
        MarkBrokenWords(lines);
        return lines;
    }

    /// <summary>Notes the words broken at a hyphen between lines (see <see cref="TextLine.BrokenWord"/>).</summary>
    private static void MarkBrokenWords(List<TextLine> lines)
    {
        for (int i = 0; i + 1 < lines.Count; i++)
        {
            var line = lines[i];
            var next = lines[i + 1];
            if (line.Tokens.Length == 0 || next.Tokens.Length == 0)
                continue;
            var last = line.Tokens[^1];
            string text = last.Text;
            if (last.HardBreakAfter || last.Space is not null || text.Length < 2 || text[^1] is not ('-' or '\u2010'))
                continue;
            line.BrokenWord = (last.AddedHyphen ? text[..^1] : text) + next.Tokens[0].Text;
            next.StartsWithWordEnd = true;
        }
    }

    /// <summary>A line with more than this share of its width left over takes part of the next word, hyphenated.</summary>
    private const float LooseLine = 0.1f;

    /// <summary>Names are hyphenated only when they do not fit on a line at all.</summary>
    private static bool StartsUpper(string text)
    {
        foreach (char c in text)
            if (char.IsLetter(c))
                return char.IsUpper(c);
        return false;
    }

    /// <summary>Token j starts a new word (the line may break before it).</summary>
    private static bool LineEndsAt(int lastBreak, int start, int j) => lastBreak == j - 1 && lastBreak >= start;

    /// <summary>
    /// Splits token index at the last hyphenation point (the document language's patterns, Liang's algorithm) whose first part
    /// and a hyphen fit in width: the first part ends with the hyphen and the line may break after it. False
    /// when the word has no such point (not a word of letters, too short, or no point fits).
    /// </summary>
    private static bool Hyphenate(LineTokens tokens, int index, float width, FontSet fonts, Hyphenation.Hyphenator? hyphenator)
    {
        var token = tokens[index];
        if (hyphenator is null || token.IsRightToLeft || token.Style.Superscript)
            return false;
        string text = token.Text;
        int a = 0, b = text.Length;
        while (a < b && !char.IsLetter(text[a])) a++;
        while (b > a && !char.IsLetter(text[b - 1])) b--;
        var points = hyphenator.Points(text[a..b]);
        var style = token.Style;
        for (int p = points.Length - 1; p >= 0; p--)
        {
            int cut = a + points[p];
            string head = text[..cut] + "-";
            if (fonts.Shape(style.Family, style.Bold, style.Italic, head).Width * style.Size > width + 0.01f)
                continue;
            Split(tokens, index, head, text[cut..], addedHyphen: true, fonts);
            return true;
        }
        return false;
    }

    private static void SplitToWidth(LineTokens tokens, int index, float width, FontSet fonts)
    {
        var token = tokens[index];
        var style = token.Style;
        int cut = 1;
        for (int n = 2; n < token.Text.Length; n++)
        {
            if (char.IsLowSurrogate(token.Text[n]))
                continue;
            if (fonts.Shape(style.Family, style.Bold, style.Italic, token.Text[..n]).Width * style.Size > width)
                break;
            cut = n;
        }
        if (char.IsLowSurrogate(token.Text[Math.Min(cut, token.Text.Length - 1)]) && cut + 1 < token.Text.Length)
            cut++;
        if (cut >= token.Text.Length)
            return;
        Split(tokens, index, token.Text[..cut], token.Text[cut..], addedHyphen: false, fonts);
    }

    /// <summary>
    /// Replaces token index by two: head (the line may break after it; addedHyphen when the split put a hyphen
    /// at its end) and tail, which keeps what followed the whole token (its space and breaks).
    /// </summary>
    private static void Split(LineTokens tokens, int index, string head, string tail, bool addedHyphen, FontSet fonts)
    {
        var token = tokens[index];
        var span = new TextSpan(token.Text, token.Style, token.Link, token.Footnote);
        var first = MakeToken(head, span, fonts, null);
        var rest = MakeToken(tail, span, fonts, null);
        first.BreakAfter = true;
        first.AddedHyphen = addedHyphen;
        rest.BreakAfter = token.BreakAfter;
        rest.SpaceAfter = token.SpaceAfter;
        rest.Space = token.Space;
        rest.HardBreakAfter = token.HardBreakAfter;
        tokens.Split(index, first, rest);
    }

    private static TextLine PlaceLine(LineTokens all, int start, int count, float width, TextAlignment alignment, float lineHeight, bool justify)
    {
        var tokens = new Token[count];
        for (int i = 0; i < count; i++)
            tokens[i] = all[start + i];
        float natural = 0;
        int gaps = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            natural += tokens[i].Width;
            if (i < tokens.Length - 1)
            {
                natural += tokens[i].SpaceAfter;
                if (tokens[i].SpaceAfter > 0) gaps++;
            }
        }

        float x = alignment switch
        {
            TextAlignment.Right => width - natural,
            TextAlignment.Center => (width - natural) / 2,
            _ => 0,
        };
        float stretch = alignment == TextAlignment.Justify && justify && gaps > 0 ? (width - natural) / gaps : 0;
        if (stretch < 0) stretch = 0;

        var xs = new float[tokens.Length];
        float height = 0, ascent = 0, descent = 0;
        List<int>? notes = null;
        for (int i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            xs[i] = x;
            x += token.Width;
            if (i < tokens.Length - 1 && token.SpaceAfter > 0)
                x += token.SpaceAfter + stretch;
            if (token.Footnote > 0)
                (notes ??= []).Add(token.Footnote);
            if (token.Style.Superscript)
                continue;
            var face = token.Style.Face;
            height = Math.Max(height, token.Style.Size * lineHeight);
            ascent = Math.Max(ascent, face.Ascent * token.Style.Size);
            descent = Math.Max(descent, face.Descent * token.Style.Size);
        }
        MirrorRightToLeftRuns(tokens, xs);
        if (height == 0 && tokens.Length > 0)
        {
            var style = tokens[0].Style;
            height = style.Size * lineHeight;
            ascent = style.Face.Ascent * style.Size;
            descent = style.Face.Descent * style.Size;
        }
        float baseline = (height - (ascent + descent)) / 2 + ascent;
        return new TextLine(tokens, xs, height, baseline, notes?.ToArray() ?? []);
    }

    /// <summary>
    /// A simple bidi step: consecutive right-to-left words keep their place in the line but read right to
    /// left ("بشار الأسد" shows بشار on the right). HarfBuzz already orders the glyphs inside each word.
    /// </summary>
    private static void MirrorRightToLeftRuns(Token[] tokens, float[] xs)
    {
        for (int start = 0; start < tokens.Length;)
        {
            if (!tokens[start].IsRightToLeft)
            {
                start++;
                continue;
            }
            int end = start;
            while (end + 1 < tokens.Length && tokens[end + 1].IsRightToLeft)
                end++;
            float left = xs[start], right = xs[end] + tokens[end].Width;
            for (int k = start; k <= end; k++)
                xs[k] = left + right - (xs[k] + tokens[k].Width);
            start = end + 1;
        }
    }

    // ---- drawing ------------------------------------------------------------------------------

    /// <summary>Draws every line, the first with its top-left corner at (x, y); returns the y below the last line.</summary>
    public float Draw(PageCanvas canvas, float x, float y)
    {
        foreach (var line in Lines)
        {
            DrawLine(canvas, line, x, y);
            y += line.Height;
        }
        return y;
    }

    /// <summary>Draws one line with its top-left corner at (x, y) and adds link annotations over linked words.</summary>
    public static void DrawLine(PageCanvas canvas, TextLine line, float x, float y)
    {
        var tokens = line.Tokens;
        float baseline = y + line.Baseline;
        string? documentLanguage = canvas.Document.Language;
        bool? kana = null; // whether the line has kana (Han beside it is Japanese): looked for at the first Han word
        for (int j = 0; j < tokens.Length; j++)
        {
            var token = tokens[j];
            var style = token.Style;
            float shift = style.Superscript ? -style.Size * 0.6f : 0;
            float penX = x + line.X[j];
            canvas.SetLink(token.Link);
            // A space between two words of one language stays in their span.
            var language = ScriptLanguage.Of(token.Text);
            if (language == ScriptLanguage.Chinese && (kana ??= tokens.Any(t => ScriptLanguage.HasKana(t.Text))))
                language = ScriptLanguage.Of(token.Text, kanaNearby: true);
            canvas.TextLanguage = ScriptLanguage.Unless(language, documentLanguage) ?? (token.Text.Length == 0 ? canvas.TextLanguage : null);
            // A word broken at a hyphen copies out whole from its first part, and as nothing from its second.
            string? actual = j == tokens.Length - 1 && line.BrokenWord is not null ? line.BrokenWord
                : j == 0 && line.StartsWithWordEnd ? "" : null;
            if (actual is not null)
                canvas.BeginActualText(actual);
            AddGlyphs(canvas, token.Shaped, style, ref penX, baseline + shift);
            if (actual is not null)
                canvas.EndActualText();
            if (j < tokens.Length - 1 && token.Space is { } space)
                AddGlyphs(canvas, space, style, ref penX, baseline + shift);
        }
        canvas.SetLink(null);
        canvas.TextLanguage = null;
        DrawLinks(canvas, line, x, y);
    }

    private static void AddGlyphs(PageCanvas canvas, ShapedText shaped, TextStyle style, ref float penX, float baseline)
    {
        var runs = canvas.Fonts.GlyphRuns;
        float size = style.Size;
        foreach (var run in shaped.Runs)
        {
            runs.Add(canvas, run, size, style.Color, penX, baseline);
            penX += run.Width * size;
        }
    }

    /// <summary>Draws a shaped piece of text in one style with its baseline at (x, baseline).</summary>
    public static void DrawShaped(PageCanvas canvas, ShapedText shaped, TextStyle style, float x, float baseline)
    {
        float penX = x;
        AddGlyphs(canvas, shaped, style, ref penX, baseline);
    }

    /// <summary>Dot leaders from left to right, dots on a fixed grid so columns of entries line up.</summary>
    public static void DrawLeaders(PageCanvas canvas, ShapedText dot, TextStyle style, float left, float right, float baseline)
    {
        if (dot.Runs.Length == 0 || dot.Runs[0].Glyphs.Length == 0)
            return;
        const float step = 4.5f;
        float first = MathF.Ceiling(left / step) * step;
        int count = (int)((right - first) / step);
        if (count <= 0)
            return;
        var run = dot.Runs[0];
        canvas.Fonts.GlyphRuns.AddDots(canvas, run.Face, style.Size, style.Color, run.Glyphs[0], first, baseline, step, count);
    }

    private static void DrawLinks(PageCanvas canvas, TextLine line, float x, float y)
    {
        for (int i = 0; i < line.Tokens.Length;)
        {
            var link = line.Tokens[i].Link;
            if (link is null)
            {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < line.Tokens.Length && line.Tokens[j + 1].Link == link)
                j++;
            var rect = new SKRect(x + line.X[i], y, x + line.X[j] + line.Tokens[j].Width, y + line.Height);
            if (line.Tokens[i].Footnote > 0)
                canvas.Sk.DrawLinkDestinationAnnotation(rect, Layout.FootnoteArea.NoteDestination(line.Tokens[i].Footnote, canvas.PageNumber));
            else if (link.StartsWith('#'))
                canvas.Sk.DrawLinkDestinationAnnotation(rect, link[1..]);
            else
                canvas.Sk.DrawUrlAnnotation(rect, link);
            i = j + 1;
        }
    }
}

/// <summary>Collects content problems (characters no font can draw) so all are reported at once.</summary>
internal sealed class ProblemLog
{
    private readonly List<string> problems = [];
    private readonly HashSet<string> seen = [];

    public IReadOnlyList<string> Problems => problems;

    public void MissingGlyphs(string text, IReadOnlyList<int> codePoints, string fontsTried)
    {
        var chars = string.Join(", ", codePoints.Distinct().Select(c => $"'{char.ConvertFromUtf32(c)}' (U+{c:X4})"));
        Add($"no available font can draw {chars} in \"{Excerpt(text, codePoints[0])}\" (fonts tried: {fontsTried})");
    }

    public void Add(string message)
    {
        lock (problems)
        {
            if (seen.Add(message))
                problems.Add(message);
        }
    }

    /// <summary>Up to about 70 characters of the text around the first missing character.</summary>
    private static string Excerpt(string text, int codePoint)
    {
        const int radius = 35;
        int at = text.IndexOf(char.ConvertFromUtf32(codePoint), StringComparison.Ordinal);
        if (text.Length <= 2 * radius || at < 0)
            return text.Length <= 2 * radius ? text : text[..(2 * radius)] + "…";
        int start = Math.Max(0, at - radius);
        int end = Math.Min(text.Length, at + radius);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }
}
