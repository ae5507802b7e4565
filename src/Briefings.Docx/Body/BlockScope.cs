using Briefings.Docx.Styles;

namespace Briefings.Docx.Body;

/// <summary>
/// Where blocks are being written: the paragraph style plain paragraphs take (Normal, Quote, Footnote Text,
/// Definition), the list nesting depth, and whether a table cell holds them.
/// </summary>
internal sealed record BlockScope(string ParagraphStyle, InlineScope Inlines, int ListDepth = -1, bool InCell = false)
{
    public static readonly BlockScope Body = new(StyleIds.Normal, InlineScope.Body);
    public static readonly BlockScope Footnote = new(StyleIds.FootnoteText, InlineScope.Footnote);

    public bool InList => ListDepth >= 0;
}
