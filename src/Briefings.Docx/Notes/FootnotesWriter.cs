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

    private static W.Footnote Separator(W.FootnoteEndnoteValues type, int id, OpenXmlElement mark) =>
        new(new W.Paragraph(
            new W.ParagraphProperties(new W.SpacingBetweenLines { After = "0", Line = "240", LineRule = W.LineSpacingRuleValues.Auto }),
            new W.Run(mark)))
        { Type = type, Id = id };
}
