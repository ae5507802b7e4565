namespace Briefings.Documents;

/// <summary>A block-level element of the document body.</summary>
public abstract record Block;

/// <summary>A section heading, level 1 to 3 (deeper levels are folded to 3 by the reader).</summary>
/// <param name="Level">1 for a top-level section, 2 and 3 for subsections.</param>
/// <param name="Id">Stable identifier, unique in the document: anchors, bookmarks and contents link here.</param>
/// <param name="Content">The heading text.</param>
public sealed record Heading(int Level, string Id, IReadOnlyList<Inline> Content) : Block
{
    /// <summary>The heading's text without formatting (for contents, bookmarks and outlines).</summary>
    public string PlainText => Content.ToPlainText();
}

/// <summary>A paragraph of inline content.</summary>
public sealed record Paragraph(IReadOnlyList<Inline> Content) : Block;

/// <summary>A bullet list (Ordered = false) or numbered list starting at Start. Items may nest lists.</summary>
public sealed record ListBlock(bool Ordered, int Start, IReadOnlyList<ListItem> Items) : Block;

/// <summary>One item of a list: its blocks (paragraphs, nested lists).</summary>
public sealed record ListItem(IReadOnlyList<Block> Blocks);

/// <summary>
/// A table. Column widths are relative (they need not sum to 1: writers normalise them).
/// Header rows repeat on every page a table spans.
/// </summary>
public sealed record Table(
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<TableRow> HeaderRows,
    IReadOnlyList<TableRow> BodyRows) : Block;

/// <summary>A table column: how its cells are aligned and its width relative to the other columns.</summary>
public sealed record TableColumn(ColumnAlignment Alignment, double RelativeWidth);

/// <summary>How the content of a table column is aligned.</summary>
public enum ColumnAlignment
{
    /// <summary>Cell content starts at the left edge of the column.</summary>
    Left,
    /// <summary>Cell content is centred in the column.</summary>
    Center,
    /// <summary>Cell content ends at the right edge of the column (figures).</summary>
    Right,
}

/// <summary>A table row: one cell per column.</summary>
public sealed record TableRow(IReadOnlyList<TableCell> Cells);

/// <summary>A table cell's inline content.</summary>
public sealed record TableCell(IReadOnlyList<Inline> Content);

/// <summary>A call-out box (talking points, warnings, notes). Kind selects its styling; Title is optional.</summary>
public sealed record Callout(string Kind, string? Title, IReadOnlyList<Block> Blocks) : Block;

/// <summary>A quotation, optionally attributed ("— Alexander Lukashenko, 4 December 2023").</summary>
public sealed record Quote(IReadOnlyList<Block> Blocks, IReadOnlyList<Inline>? Attribution) : Block;

/// <summary>A key-value (definition) list: each term with one or more definitions.</summary>
public sealed record DefinitionList(IReadOnlyList<DefinitionItem> Items) : Block;

/// <summary>One entry of a definition list: the term and its definition blocks.</summary>
public sealed record DefinitionItem(IReadOnlyList<Inline> Term, IReadOnlyList<Block> Definition);

/// <summary>A horizontal rule.</summary>
public sealed record Rule : Block;

/// <summary>Forces the following content onto a new page.</summary>
public sealed record PageBreak : Block;

/// <summary>Where the table of contents goes. Writers fill it with the headings up to MaxLevel.</summary>
public sealed record TableOfContents(string Title, int MaxLevel) : Block;

/// <summary>
/// A figure: a chart or map as drawing instructions (<see cref="Drawing"/>), with its caption and the
/// alternative text that stands for it where it cannot be seen (required: it says what a reader needs).
/// </summary>
/// <param name="Caption">Printed under the figure; may be empty.</param>
/// <param name="AltText">What the figure shows, in words (counts, names, dates): the PDF's Alt and the Word drawing's description.</param>
/// <param name="Size">How wide and high the figure is drawn.</param>
/// <param name="Drawing">What is drawn, as vector instructions both writers replay.</param>
public sealed record Figure(string Caption, string AltText, FigureSize Size, Drawing Drawing) : Block;

/// <summary>
/// A figure's size: its width as a fraction of the text width (<see cref="WidthFraction"/>) or in points
/// (<see cref="WidthPoints"/>, capped at the text width), and its height as <see cref="Aspect"/> (height / width).
/// </summary>
public sealed record FigureSize(double WidthFraction, double? WidthPoints, double Aspect)
{
    /// <summary>The full text width, the drawing's own proportions.</summary>
    public static FigureSize FullWidth(Drawing drawing) => new(1, null, drawing.Height / drawing.Width);

    /// <summary>Width and height in points for a text column <paramref name="textWidth"/> points wide.</summary>
    public (double Width, double Height) Resolve(double textWidth)
    {
        var width = WidthPoints is { } points ? Math.Min(points, textWidth) : textWidth * Math.Clamp(WidthFraction, 0.05, 1);
        return (width, width * Aspect);
    }
}
