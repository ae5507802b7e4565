using Briefings.Docx.Body;
using Briefings.Docx.Styles;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx.Notes;

/// <summary>
/// The footnotes part: Word's separator and continuation separator notes (ids -1 and 0, which the settings
/// part names), then one note per referenced footnote, in order, each opening with its automatic number.
/// </summary>
internal sealed class FootnotesWriter(WriteContext context, BlockWriter blocks)
{
    public const int SeparatorId = -1;
    public const int ContinuationSeparatorId = 0;

    public W.Footnotes Build()
    {
        var footnotes = new W.Footnotes(
            Separator(W.FootnoteEndnoteValues.Separator, SeparatorId, new W.SeparatorMark()),
            Separator(W.FootnoteEndnoteValues.ContinuationSeparator, ContinuationSeparatorId, new W.ContinuationSeparatorMark()));

        foreach (var footnote in context.Footnotes.Referenced.ToArray())
        {
            var content = blocks.Write(footnote.Blocks, BlockScope.Footnote(context.TextWidth));
            if (content.FirstOrDefault() is not W.Paragraph first)
            {
                first = BlockWriter.Paragraph(BlockWriter.Properties(StyleIds.FootnoteText), []);
                content.Insert(0, first);
            }
            var mark = new W.Run(new W.RunProperties(new W.RunStyle { Val = StyleIds.FootnoteReference }), new W.FootnoteReferenceMark());
            var space = new W.Run(new W.Text(" ") { Space = SpaceProcessingModeValues.Preserve });
            var afterProperties = first.ParagraphProperties is null ? 0 : 1;
            first.InsertAt(space, afterProperties);
            first.InsertAt(mark, afterProperties);
            footnotes.Append(new W.Footnote(content) { Id = footnote.Number });
        }
        return footnotes;
    }

    /// <summary>
    /// The room the separator takes above a page's notes, in points: LibreOffice draws its own separator line with a
    /// little space on either side (about 7.5 pt, measured); Word's separator note is an exact line of the same height,
    /// so both leave the text the same room.
    /// </summary>
    internal const double SeparatorHeight = 7.5;

    private static W.Footnote Separator(W.FootnoteEndnoteValues type, int id, OpenXmlElement mark) =>
        new(new W.Paragraph(
            new W.ParagraphProperties(new W.SpacingBetweenLines { After = "0", Line = Units.Number(Units.Twips(SeparatorHeight)), LineRule = W.LineSpacingRuleValues.Exact }),
            new W.Run(mark)))
        { Type = type, Id = id };
}
