namespace Briefings.Documents;

/// <summary>
/// Codes of the problems the document checks and the writers report (listed in docs/diagnostics.md).
/// DOC: the shared <see cref="DocumentChecks"/>; PDF and DOCX: one writer's own.
/// </summary>
public static class DocumentCodes
{
    /// <summary>A theme value both writers refuse: a colour not #RRGGBB, a page or font size, margins, a font family.</summary>
    public const string BadTheme = "DOC001";
    /// <summary>A heading without an id, or an id used by two headings.</summary>
    public const string HeadingId = "DOC002";
    /// <summary>A table without columns or rows, or a row with more cells than columns.</summary>
    public const string TableShape = "DOC003";
    /// <summary>A footnote mark with no footnote.</summary>
    public const string MissingFootnote = "DOC004";
    /// <summary>An internal link to a heading id that no heading has.</summary>
    public const string BrokenLink = "DOC005";
    /// <summary>A figure without alternative text, without area, or with a colour not #RRGGBB.</summary>
    public const string FigureProblem = "DOC006";

    /// <summary>Text no font of the theme's chain can draw (the message names the character and the text).</summary>
    public const string PdfNoGlyph = "PDF001";
    /// <summary>A font the theme names can be found neither bundled nor installed.</summary>
    public const string PdfFont = "PDF002";
    /// <summary>Content that does not fit on an empty page, or a layout that makes no progress.</summary>
    public const string PdfLayout = "PDF003";
    /// <summary>The PDF writer failed inside (an unknown block type, an unreadable PDF from the drawing library).</summary>
    public const string PdfInternal = "PDF004";

    /// <summary>Something a Word document cannot hold (a control character, a link target Word refuses).</summary>
    public const string DocxContent = "DOCX001";
}
