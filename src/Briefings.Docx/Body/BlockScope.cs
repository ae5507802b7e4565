using Briefings.Docx.Numbering;
using Briefings.Docx.Styles;

namespace Briefings.Docx.Body;

/// <summary>
/// Where blocks are being written: the paragraph style plain paragraphs take (Normal, Quote, Footnote Text,
/// Definition), the list nesting depth, and the width they may fill (in twips), so tables and call-outs
/// nested in lists or call-outs fit inside their container.
/// </summary>
internal sealed record BlockScope(string ParagraphStyle, InlineScope Inlines, int Width, int ListDepth = -1)
{
    public static BlockScope Body(int width) => new(StyleIds.Normal, InlineScope.Body, width);
    public static BlockScope Footnote(int width) => new(StyleIds.FootnoteText, InlineScope.Footnote, width);

    public bool InList => ListDepth >= 0;

    /// <summary>
    /// Inside a call-out written as styled paragraphs: the left indent (twips) every paragraph of the box
    /// shares, list items included (their bullets hang before it). Null elsewhere.
    /// </summary>
    public int? CalloutLeft { get; init; }

    /// <summary>How far list nesting indents block content, in twips.</summary>
    public int Indent => InList ? ListNumbering.TextIndent(ListDepth) : 0;

    /// <summary>The width left for a table or call-out after the list indent.</summary>
    public int ContentWidth => Math.Max(Width - Indent, MinimumWidth);

    /// <summary>Below about half an inch a column cannot hold a word; deeper nesting keeps this width.</summary>
    private const int MinimumWidth = 720;
}
