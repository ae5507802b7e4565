using System.Text;
using System.Xml;
using Briefings.Documents;
using Briefings.Docx.Notes;
using Briefings.Docx.Styles;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx.Body;

/// <summary>Where inline content sits decides what it may hold: contents entries and notes cannot nest links or notes.</summary>
internal sealed record InlineScope(bool AllowLinks = true, bool AllowFootnotes = true, bool OmitFootnoteMarks = false)
{
    public static readonly InlineScope Body = new();
    /// <summary>Inside a footnote: Word has no notes within notes.</summary>
    public static readonly InlineScope Footnote = new(AllowFootnotes: false);
    /// <summary>A contents entry is itself a link to its heading; like Word's own, it leaves note marks out.</summary>
    public static readonly InlineScope Contents = new(AllowLinks: false, AllowFootnotes: false, OmitFootnoteMarks: true);
}

/// <summary>Turns inline content (text, emphasis, code, links, note marks, breaks) into Word runs and hyperlinks.</summary>
internal sealed partial class InlineWriter(WriteContext context)
{
    /// <summary>The language tag of text that is not to be proofed or hyphenated.</summary>
    internal const string NoProofing = "zxx";

    private readonly record struct RunFormat(bool Bold, bool Italic, bool Code, bool Link);

    public List<OpenXmlElement> Write(IEnumerable<Inline> inlines, InlineScope scope)
    {
        var output = new List<OpenXmlElement>();
        Append(output, inlines, default, scope);
        return output;
    }

    /// <summary>A run of literal text in its paragraph's style; used for furniture, the cover and labels (dates kept on one line).</summary>
    public W.Run PlainRun(string text)
    {
        var run = new W.Run();
        AppendText(run, CloseBidiControls(Typography.NoBreaks(text)));
        return run;
    }

    private void Append(List<OpenXmlElement> output, IEnumerable<Inline> inlines, RunFormat format, InlineScope scope)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Text text:
                    output.AddRange(Runs(CloseBidiControls(Typography.NoBreaks(text.Value)), format));
                    break;
                case Code code:
                    output.Add(Run(code.Value, format with { Code = true }));
                    break;
                case Emphasis emphasis:
                    Append(output, emphasis.Content, format with { Italic = true }, scope);
                    break;
                case Strong strong:
                    Append(output, strong.Content, format with { Bold = true }, scope);
                    break;
                case LineBreak:
                    output.Add(new W.Run(new W.Break()));
                    break;
                case Link link:
                    AppendLink(output, link, format, scope);
                    break;
                case FootnoteReference when scope.OmitFootnoteMarks:
                    break;
                case FootnoteReference reference:
                    output.AddRange(FootnoteMark(reference.Number, scope));
                    break;
                default:
                    context.Problems.Add($"inline element {inline.GetType().Name} is not supported by the Word writer");
                    break;
            }
        }
    }

    private void AppendLink(List<OpenXmlElement> output, Link link, RunFormat format, InlineScope scope)
    {
        // Word cannot nest hyperlinks: a link inside a link (or a contents entry) keeps its text only.
        var innerScope = scope with { AllowLinks = false };
        if (!scope.AllowLinks)
        {
            Append(output, link.Content, format, innerScope);
            return;
        }
        var inner = new List<OpenXmlElement>();
        Append(inner, link.Content, format with { Link = true }, innerScope);
        var hyperlink = new W.Hyperlink { History = OnOffValue.FromBoolean(true) };
        if (link.IsInternal)
        {
            var id = link.Target[1..];
            var bookmark = context.Bookmarks.NameFor(id);
            if (bookmark is null)
            {
                context.Problems.Add($"link '{link.Content.ToPlainText()}' points at '#{id}', but no heading has that id");
                output.AddRange(inner);
                return;
            }
            hyperlink.Anchor = bookmark;
        }
        else
        {
            var relationshipId = context.HyperlinkId(link.Target, link.Content.ToPlainText());
            if (relationshipId is null)
            {
                output.AddRange(inner);
                return;
            }
            hyperlink.Id = relationshipId;
        }
        hyperlink.Append(inner);
        output.Add(hyperlink);
    }

    /// <summary>
    /// The note's mark in the text. The first reference is the real Word footnote reference, inside a
    /// bookmark; Word gives a note exactly one reference, so a later citation of the same note (in the text
    /// or inside another note) is a NOTEREF field to that bookmark, which Word renumbers with the note when
    /// the document is edited. A mark to a note never cited in the text prints the number itself.
    /// </summary>
    private IEnumerable<OpenXmlElement> FootnoteMark(int number, InlineScope scope)
    {
        W.RunProperties Style() => new(new W.RunStyle { Val = StyleIds.FootnoteReference });
        var text = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!scope.AllowFootnotes)
            context.Footnotes.Check(number);
        else if (context.Footnotes.Reference(number))
        {
            var id = context.Bookmarks.NextNumericId().ToString(System.Globalization.CultureInfo.InvariantCulture);
            return
            [
                new W.BookmarkStart { Name = FootnoteRegistry.BookmarkName(number), Id = id },
                new W.Run(Style(), new W.FootnoteReference { Id = number }),
                new W.BookmarkEnd { Id = id },
            ];
        }
        if (context.Footnotes.IsReferenced(number))
        {
            var result = new W.Run(Style());
            AppendText(result, text);
            return
            [
                new W.Run(Style(), new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }),
                new W.Run(Style(), new W.FieldCode($" NOTEREF {FootnoteRegistry.BookmarkName(number)} \\f \\h ") { Space = SpaceProcessingModeValues.Preserve }),
                new W.Run(Style(), new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }),
                result,
                new W.Run(Style(), new W.FieldChar { FieldCharType = W.FieldCharValues.End }),
            ];
        }
        var run = new W.Run(Style());
        AppendText(run, text);
        return [run];
    }

    /// <summary>Text as runs: a stretch of Arabic script is its own run marked right-to-left (w:rtl), set in the complex-script font.</summary>
    private IEnumerable<W.Run> Runs(string text, RunFormat format)
    {
        var start = 0;
        while (start < text.Length)
        {
            var rtl = IsArabic(text[start]);
            var end = start + 1;
            // Spaces and punctuation between two Arabic words stay in the Arabic run.
            while (end < text.Length && (IsArabic(text[end]) == rtl || (rtl && IsNeutral(text[end]) && NextIsArabic(text, end))))
                end++;
            if (rtl)
                yield return Run(text[start..end], format, rightToLeft: true);
            else
                foreach (var run in KeptTogether(text[start..end], format))
                    yield return run;
            start = end;
        }
    }

    /// <summary>
    /// Words joined by no-break spaces (a date, a number and its unit: <see cref="Typography.NoBreaks"/>) are a
    /// run of their own in no proofing language (w:lang zxx), which Word and LibreOffice never hyphenate:
    /// "22 September 2023" stays whole in a narrow table cell, as in the PDF, instead of "22 Septem-ber".
    /// </summary>
    private IEnumerable<W.Run> KeptTogether(string text, RunFormat format)
    {
        int start = 0;
        foreach (System.Text.RegularExpressions.Match group in NoBreakGroup().Matches(text))
        {
            if (group.Index > start)
                yield return Run(text[start..group.Index], format);
            yield return Run(group.Value, format, noHyphenation: true);
            start = group.Index + group.Length;
        }
        if (start < text.Length)
            yield return Run(text[start..], format);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\s]+(?:\u00A0[^\s]+)+")]
    private static partial System.Text.RegularExpressions.Regex NoBreakGroup();

    /// <summary>
    /// Text as the record gives it, with every bidi embedding, override or isolate it opens closed at its end
    /// (U+202C, U+2069): a stray U+202E in a record then reverses only its own text, never the rest of the
    /// paragraph or header it sits in.
    /// </summary>
    internal static string CloseBidiControls(string text)
    {
        var open = new Stack<char>();
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u202A' or '\u202B' or '\u202D' or '\u202E':
                    open.Push('\u202C');
                    break;
                case '\u202C' when open.Count > 0 && open.Peek() == '\u202C':
                    open.Pop();
                    break;
                case '\u2066' or '\u2067' or '\u2068':
                    open.Push('\u2069');
                    break;
                case '\u2069' when open.Contains('\u2069'):
                    // Closing an isolate closes the embeddings opened inside it too.
                    while (open.Pop() != '\u2069') { }
                    break;
            }
        }
        return open.Count == 0 ? text : text + string.Concat(open);
    }

    /// <summary>An Arabic-script letter, mark or digit; bidi controls such as U+061C stay with the text around them.</summary>
    internal static bool IsArabic(char c) =>
        char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format && c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF'
            or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    private static bool IsNeutral(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c);

    private static bool NextIsArabic(string text, int index)
    {
        for (var i = index; i < text.Length; i++)
            if (!IsNeutral(text[i]))
                return IsArabic(text[i]);
        return false;
    }

    private W.Run Run(string text, RunFormat format, bool rightToLeft = false, bool noHyphenation = false)
    {
        var run = new W.Run();
        var properties = new W.RunProperties();
        if (format.Link) properties.Append(new W.RunStyle { Val = StyleIds.Hyperlink });
        else if (format.Code) properties.Append(new W.RunStyle { Val = StyleIds.InlineCode });
        if (format.Link && format.Code)
        {
            var mono = context.Theme.Fonts.Mono;
            properties.Append(new W.RunFonts { Ascii = mono, HighAnsi = mono, ComplexScript = mono });
        }
        if (format.Bold) properties.Append(new W.Bold(), new W.BoldComplexScript());
        if (format.Italic) properties.Append(new W.Italic(), new W.ItalicComplexScript());
        if (rightToLeft) properties.Append(new W.RightToLeftText());
        if (noHyphenation) properties.Append(new W.Languages { Val = NoProofing });
        if (properties.HasChildren) run.Append(properties);
        AppendText(run, text);
        return run;
    }

    /// <summary>Writes text as is: newlines become line breaks, tabs become tabs, other control characters are errors.</summary>
    private void AppendText(W.Run run, string text)
    {
        var segment = new StringBuilder();
        void Flush()
        {
            if (segment.Length == 0) return;
            run.Append(new W.Text(segment.ToString()) { Space = SpaceProcessingModeValues.Preserve });
            segment.Clear();
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                continue;
            if (c is '\n' or '\r') { Flush(); run.Append(new W.Break()); continue; }
            if (c == '\t') { Flush(); run.Append(new W.TabChar()); continue; }
            if (char.IsSurrogatePair(text, i))
            {
                segment.Append(c).Append(text[++i]);
                continue;
            }
            if (!XmlConvert.IsXmlChar(c))
            {
                context.Problems.Add($"text '{Excerpt(text)}' contains U+{(int)c:X4}, a character a Word document cannot hold");
                continue;
            }
            segment.Append(c);
        }
        Flush();
    }

    private static string Excerpt(string text)
    {
        var clean = new string(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c).ToArray());
        return clean.Length <= 60 ? clean : clean[..57] + "...";
    }
}
