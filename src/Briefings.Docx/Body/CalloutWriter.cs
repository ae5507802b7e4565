using Briefings.Documents;
using Briefings.Docx.Styles;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx.Body;

/// <summary>
/// Writes a call-out as paragraphs in its kind's styles (<see cref="CalloutStyles"/>): title, text and list
/// items share the borders, shading and indents of the style, so Word and LibreOffice draw them as one box and
/// an editor restyles all call-outs of a kind at once. Breaks follow the PDF: a call-out that fits on a page is
/// kept whole (keep-with-next on all but its last paragraph, lines kept by the style), and call-outs that follow
/// one another are kept together while the group fits on a page.
/// </summary>
internal sealed class CalloutWriter(WriteContext context, BlockWriter blocks, InlineWriter inlines)
{
    /// <summary>The last call-out written: its last paragraph, colours, whether its top border was made distinct, and the height of its group.</summary>
    private Written? _previous;

    private sealed record Written(W.Paragraph Last, string Colours, bool Distinct, double GroupHeight);

    /// <summary>True when the call-out holds only paragraphs and lists of paragraphs, which paragraphs can draw as one box.</summary>
    public static bool FitsParagraphs(Callout callout) => OnlyText(callout.Blocks);

    private static bool OnlyText(IEnumerable<Block> content) => content.All(b => b switch
    {
        Documents.Paragraph => true,
        ListBlock list => list.Items.All(i => OnlyText(i.Blocks)),
        _ => false,
    });

    public void Write(Callout callout, BlockScope scope, List<OpenXmlElement> output)
    {
        var ids = CalloutStyles.For(callout.Kind);
        // The style's indents hold at the margin; a call-out inside a list item states its own, the same on every paragraph.
        var left = scope.Indent + CalloutStyles.TextLeft;
        var inner = scope with
        {
            ParagraphStyle = ids.Body,
            ListDepth = -1,
            CalloutLeft = left,
            Width = Math.Max(scope.Width - CalloutStyles.TextLeft - CalloutStyles.TextRight, 720),
        };
        var paragraphs = new List<W.Paragraph>();
        if (!string.IsNullOrWhiteSpace(callout.Title))
            paragraphs.Add(BlockWriter.Paragraph(BlockWriter.Properties(ids.Title), [inlines.PlainRun(callout.Title)]));
        paragraphs.AddRange(blocks.Write(callout.Blocks, inner).Cast<W.Paragraph>());
        // A call-out with neither title nor content has nothing to draw.
        if (paragraphs.Count == 0)
            return;

        var (background, border) = CalloutKinds.Colours(callout.Kind, context.Theme.Colours);
        var colours = background + border;
        // The call-out written just before, if nothing but a page break stands between: a page break becomes this
        // call-out's "page break before", and the two would still be adjacent paragraphs (and join).
        var at = output.Count - 1;
        var pageBreak = at >= 0 && BlockWriter.IsPageBreak(output[at]);
        if (pageBreak)
            at--;
        var previous = _previous is { } p && at >= 0 && ReferenceEquals(output[at], p.Last) ? p : null;
        // Right after a call-out of the same colours the borders would be identical and the two boxes would
        // join into one: this one's top border is one colour step away (unseen), which keeps them apart.
        var distinct = previous is { } before && before.Colours == colours && !before.Distinct;
        foreach (var paragraph in paragraphs)
        {
            var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new W.ParagraphProperties());
            properties.ParagraphStyleId ??= new W.ParagraphStyleId { Val = ids.Body };
            if (scope.Indent != 0)
                properties.Indentation = new W.Indentation
                {
                    Left = Units.Number(left),
                    Right = Units.Number(CalloutStyles.TextRight),
                    Hanging = Units.Number(CalloutStyles.Hanging),
                };
            if (distinct)
                properties.ParagraphBorders = new W.ParagraphBorders(new W.TopBorder
                {
                    Val = W.BorderValues.Single,
                    Size = Units.EighthPoints(0.5),
                    Space = (uint)CalloutStyles.PaddingTop,
                    Color = CalloutStyles.Distinct(background),
                });
        }

        var page = context.Theme.Page;
        var pageHeight = page.Height - page.MarginTop - page.MarginBottom;
        var height = Height(paragraphs, ids, inner.Width);
        if (height <= pageHeight)
            foreach (var paragraph in paragraphs.Take(paragraphs.Count - 1))
                paragraph.ParagraphProperties!.KeepNext = new W.KeepNext();
        var groupHeight = height;
        if (previous is { } group && !pageBreak && group.GroupHeight + height <= pageHeight)
        {
            // Call-outs that follow one another stay on one page while they fit, as in the PDF.
            var last = group.Last.ParagraphProperties ?? group.Last.PrependChild(new W.ParagraphProperties());
            last.KeepNext = new W.KeepNext();
            groupHeight += group.GroupHeight;
        }
        output.AddRange(paragraphs);
        _previous = new Written(paragraphs[^1], colours, distinct, groupHeight);
    }

    /// <summary>
    /// The call-out's height in points, from estimated line counts (<see cref="SectionEnds.Lines"/>): enough to
    /// tell a call-out that fits on a page from one that cannot.
    /// </summary>
    private double Height(List<W.Paragraph> paragraphs, CalloutStyles.Ids ids, int widthTwips)
    {
        var fonts = context.Theme.Fonts;
        var width = widthTwips / 20.0;
        var height = (double)(CalloutStyles.PaddingTop + CalloutStyles.PaddingBottom);
        foreach (var paragraph in paragraphs)
        {
            var size = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value == ids.Title
                ? context.Theme.Headings.H3Size
                : fonts.BodySize * CalloutStyles.TextScale;
            var lines = SectionEnds.Lines(paragraph, context.Theme, size, width);
            height += lines * size * fonts.LineHeight + CalloutStyles.ParagraphSpacing;
        }
        return height;
    }
}
