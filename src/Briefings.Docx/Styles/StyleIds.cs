namespace Briefings.Docx.Styles;

/// <summary>
/// Style ids used in the document. Where Word has a built-in style for the purpose, its id and name are
/// used, so Word's navigation pane, style gallery and "update table" features recognise them.
/// </summary>
internal static class StyleIds
{
    public const string Normal = "Normal";
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string ListParagraph = "ListParagraph";
    public const string ListBullet = "ListBullet";
    public const string ListNumber = "ListNumber";
    public const string Quote = "Quote";
    public const string QuoteAttribution = "QuoteAttribution";
    public const string Caption = "Caption";
    public const string FootnoteText = "FootnoteText";
    public const string FootnoteReference = "FootnoteReference";
    public const string Hyperlink = "Hyperlink";
    public const string TocHeading = "TOCHeading";
    public const string Header = "Header";
    public const string Footer = "Footer";
    public const string Marking = "Marking";
    public const string TableText = "TableText";
    public const string CalloutTitle = "CalloutTitle";
    public const string DefinitionTerm = "DefinitionTerm";
    public const string Definition = "Definition";
    public const string InlineCode = "InlineCode";
    public const string CoverKicker = "CoverKicker";
    public const string CoverDetail = "CoverDetail";
    public const string CoverDate = "CoverDate";
    public const string CoverLabel = "CoverLabel";
    public const string Table = "BriefingTable";

    public static string Heading(int level) => $"Heading{Math.Clamp(level, 1, 3)}";
    public static string Toc(int level) => $"TOC{Math.Clamp(level, 1, 9)}";
}
