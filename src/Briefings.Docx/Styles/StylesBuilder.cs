using System.Security;
using System.Text;
using Briefings.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx.Styles;

/// <summary>
/// Builds the styles part from the theme. Written as WordprocessingML text because a style sheet reads
/// best as the XML Word itself stores; the SDK parses it into typed elements and the validator checks it.
/// Element order inside each style follows the schema (name, basedOn, next, ..., pPr, rPr, tblPr, tblStylePr).
/// </summary>
internal static class StylesBuilder
{
    public static W.Styles Build(Theme theme, string language, IEnumerable<string>? calloutKinds = null)
    {
        var fonts = theme.Fonts;
        var colours = theme.Colours;
        var headings = theme.Headings;
        var textWidth = Units.TextWidth(theme.Page);
        var bodyAlignment = theme.BodyAlignment switch
        {
            TextAlignment.Justify => "both",
            TextAlignment.Center => "center",
            TextAlignment.Right => "right",
            _ => "left",
        };

        // Word picks a separate East Asian font for CJK text; the theme's first fallback family serves, when it names one.
        var eastAsian = fonts.Fallback.FirstOrDefault(f => !string.IsNullOrWhiteSpace(f) && !LooksLikePath(f));
        string FontsFor(string family) => Fonts(family, eastAsian ?? family);

        var xml = new StringBuilder();
        xml.Append("<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        xml.Append("<w:docDefaults><w:rPrDefault><w:rPr>")
            .Append(FontsFor(fonts.Body)).Append(Colour(colours.Text)).Append(Size(fonts.BodySize))
            .Append($"<w:lang w:val=\"{Escape(language)}\" w:bidi=\"ar-SA\"/>")
            .Append("</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>")
            // Widow and orphan control is off unless stated; briefings want it on, as Word's own template has it.
            .Append("<w:widowControl/>")
            // Lines as tall as the PDF's (a multiple of the font size), so both formats paginate alike.
            .Append(Spacing(after: fonts.ParagraphSpacing, line: fonts.LineHeight / FontLineHeight.Of(fonts.Body)))
            .Append("</w:pPr></w:pPrDefault></w:docDefaults>");

        // Word's own defaults: every document carries these four.
        xml.Append(Style("paragraph", StyleIds.Normal, "Normal", isDefault: true, qFormat: true,
            pPr: $"<w:jc w:val=\"{bodyAlignment}\"/>"));
        xml.Append(Style("character", "DefaultParagraphFont", "Default Paragraph Font", isDefault: true,
            uiPriority: 1, semiHidden: true));
        xml.Append(Style("table", "TableNormal", "Normal Table", isDefault: true, uiPriority: 99, semiHidden: true,
            tblPr: "<w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>" +
                   "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>" +
                   "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar>"));
        xml.Append(Style("numbering", "NoList", "No List", isDefault: true, uiPriority: 99, semiHidden: true));

        xml.Append(Style("paragraph", StyleIds.Title, "Title", basedOn: StyleIds.Normal, next: StyleIds.Normal,
            uiPriority: 10, qFormat: true,
            pPr: "<w:spacing w:before=\"480\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/><w:contextualSpacing/><w:jc w:val=\"left\"/>",
            rPr: FontsFor(fonts.Heading) + "<w:b/><w:bCs/>" + Colour(colours.Heading) + "<w:kern w:val=\"28\"/>" + Size(headings.TitleSize)));
        xml.Append(Style("paragraph", StyleIds.Subtitle, "Subtitle", basedOn: StyleIds.Normal, next: StyleIds.Normal,
            uiPriority: 11, qFormat: true,
            // The accent bar under the subtitle sets the title block off from the cover fields.
            pPr: $"<w:pBdr><w:bottom w:val=\"single\" w:sz=\"18\" w:space=\"12\" w:color=\"{Units.Colour(colours.Accent)}\"/></w:pBdr><w:spacing w:after=\"480\"/><w:jc w:val=\"left\"/>",
            rPr: FontsFor(fonts.Heading) + Colour(colours.Muted) + Size(headings.SubtitleSize)));

        for (var level = 1; level <= 3; level++)
        {
            xml.Append(Style("paragraph", StyleIds.Heading(level), $"heading {level}", basedOn: StyleIds.Normal,
                next: StyleIds.Normal, uiPriority: 9, qFormat: true,
                pPr: "<w:keepNext/><w:keepLines/>" +
                     // Top-level sections get a hairline underneath, as in the PDF.
                     (level == 1 ? $"<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"2\" w:color=\"{Units.Colour(colours.Rule)}\"/></w:pBdr>" : "") +
                     $"<w:spacing w:before=\"{Units.Twips(headings.SpaceBefore)}\" w:after=\"{Units.Twips(headings.SpaceAfter)}\"/>" +
                     $"<w:jc w:val=\"left\"/><w:outlineLvl w:val=\"{level - 1}\"/>",
                // Level 3 and below in the text colour, as in the PDF.
                rPr: FontsFor(fonts.Heading) + "<w:b/><w:bCs/>" + Colour(level >= 3 ? colours.Text : colours.Heading) + Size(headings.SizeFor(level))));
        }

        xml.Append(Style("paragraph", StyleIds.ListParagraph, "List Paragraph", basedOn: StyleIds.Normal,
            uiPriority: 34, qFormat: true,
            pPr: "<w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/><w:jc w:val=\"left\"/>"));
        xml.Append(Style("paragraph", StyleIds.ListBullet, "List Bullet", basedOn: StyleIds.ListParagraph,
            uiPriority: 99, unhide: true));
        xml.Append(Style("paragraph", StyleIds.ListNumber, "List Number", basedOn: StyleIds.ListParagraph,
            uiPriority: 99, unhide: true));

        xml.Append(Style("paragraph", StyleIds.Quote, "Quote", basedOn: StyleIds.Normal, next: StyleIds.Normal,
            uiPriority: 29, qFormat: true,
            // A quote is kept whole and with its attribution (which turns keep-with-next off again).
            pPr: "<w:keepNext/><w:keepLines/>" +
                 $"<w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"8\" w:color=\"{Units.Colour(colours.QuoteBorder)}\"/></w:pBdr>" +
                 "<w:ind w:left=\"360\" w:right=\"360\"/><w:jc w:val=\"left\"/>",
            rPr: "<w:i/><w:iCs/>"));
        xml.Append(Style("paragraph", StyleIds.QuoteAttribution, "Quote Attribution", basedOn: StyleIds.Quote,
            next: StyleIds.Normal, uiPriority: 29,
            pPr: "<w:keepNext w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"180\"/><w:jc w:val=\"right\"/>",
            rPr: "<w:i w:val=\"0\"/><w:iCs w:val=\"0\"/>" + Colour(colours.Muted) + Size(fonts.BodySize - 1)));
        xml.Append(Style("paragraph", StyleIds.Caption, "caption", basedOn: StyleIds.Normal, next: StyleIds.Normal,
            uiPriority: 35, unhide: true, qFormat: true,
            pPr: $"<w:spacing w:after=\"{Units.Twips(CaptionSpaceAfter)}\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
            rPr: "<w:i/><w:iCs/>" + Colour(colours.Muted) + Size(Math.Max(fonts.FootnoteSize, fonts.BodySize - 1.5))));

        xml.Append(Style("paragraph", StyleIds.FootnoteText, "footnote text", basedOn: StyleIds.Normal,
            uiPriority: 99, unhide: true,
            pPr: "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
            rPr: Size(fonts.FootnoteSize)));
        xml.Append(Style("character", StyleIds.FootnoteReference, "footnote reference", basedOn: "DefaultParagraphFont",
            uiPriority: 99, unhide: true, rPr: "<w:vertAlign w:val=\"superscript\"/>"));
        xml.Append(Style("character", StyleIds.Hyperlink, "Hyperlink", basedOn: "DefaultParagraphFont",
            uiPriority: 99, unhide: true, rPr: Colour(colours.Link) + "<w:u w:val=\"single\"/>"));
        xml.Append(Style("character", StyleIds.InlineCode, "Inline Code", basedOn: "DefaultParagraphFont",
            uiPriority: 99, rPr: FontsFor(fonts.Mono) + Size(fonts.BodySize * 0.9)));

        xml.Append(Style("paragraph", StyleIds.TocHeading, "TOC Heading", basedOn: StyleIds.Heading(1),
            next: StyleIds.Normal, uiPriority: 39, unhide: true, qFormat: true,
            pPr: "<w:outlineLvl w:val=\"9\"/>"));
        for (var level = 1; level <= 3; level++)
        {
            xml.Append(Style("paragraph", StyleIds.Toc(level), $"toc {level}", basedOn: StyleIds.Normal,
                next: StyleIds.Normal, autoRedefine: true, uiPriority: 39, unhide: true,
                pPr: $"<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{textWidth}\"/></w:tabs>" +
                     "<w:spacing w:after=\"60\"/>" +
                     $"<w:ind w:left=\"{(level - 1) * 240}\"/><w:jc w:val=\"left\"/>",
                // As in the PDF: level 1 bold in the heading family and colour, the levels below a little smaller.
                rPr: level == 1 ? FontsFor(fonts.Heading) + "<w:b/><w:bCs/>" + Colour(colours.Heading)
                    : Size(fonts.BodySize * TextScales.ContentsEntry)));
        }

        var furnitureTabs = $"<w:tabs><w:tab w:val=\"center\" w:pos=\"{textWidth / 2}\"/>" +
                            $"<w:tab w:val=\"right\" w:pos=\"{textWidth}\"/></w:tabs>";
        foreach (var (id, name) in new[] { (StyleIds.Header, "header"), (StyleIds.Footer, "footer") })
        {
            xml.Append(Style("paragraph", id, name, basedOn: StyleIds.Normal, uiPriority: 99, unhide: true,
                pPr: furnitureTabs + "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
                rPr: FontsFor(fonts.Heading) + Colour(colours.Muted) + Size(8)));
        }
        xml.Append(Style("paragraph", StyleIds.Marking, "Marking", basedOn: StyleIds.Header, uiPriority: 99,
            pPr: "<w:jc w:val=\"center\"/>",
            rPr: "<w:b/><w:bCs/>" + Colour(colours.Marking) + "<w:spacing w:val=\"10\"/>"));

        xml.Append(Style("paragraph", StyleIds.TableText, "Table Text", basedOn: StyleIds.Normal, uiPriority: 99,
            qFormat: true,
            pPr: "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
            // Tables are set in the heading family, as in the PDF.
            rPr: FontsFor(TableFamily(theme)) + Size(theme.Table.FontSize)));
        xml.Append(Style("paragraph", StyleIds.CalloutTitle, "Callout Title", basedOn: StyleIds.Normal,
            next: StyleIds.Normal, uiPriority: 99, qFormat: true,
            pPr: "<w:keepNext/><w:spacing w:after=\"60\"/><w:jc w:val=\"left\"/>",
            rPr: FontsFor(fonts.Heading) + "<w:b/><w:bCs/>" + Colour(colours.Accent)));
        foreach (var callout in CalloutStyles.Definitions(calloutKinds ?? [], theme, FontsFor))
            xml.Append(Style("paragraph", callout.Id, callout.Name, basedOn: callout.BasedOn, next: callout.Next,
                uiPriority: 99, qFormat: true, pPr: callout.PPr, rPr: callout.RPr));
        xml.Append(Style("paragraph", StyleIds.DefinitionTerm, "Definition Term", basedOn: StyleIds.Normal,
            next: StyleIds.Definition, uiPriority: 99, qFormat: true,
            // As in the PDF: bold in the heading family and colour, a little smaller than the value, on lines as tall
            // as the value's so their first baselines line up; the value is set ragged right.
            pPr: $"<w:keepNext/><w:spacing w:after=\"0\" w:line=\"{Units.Twips(fonts.BodySize * fonts.LineHeight)}\" w:lineRule=\"exact\"/><w:jc w:val=\"left\"/>",
            rPr: FontsFor(fonts.Heading) + "<w:b/><w:bCs/>" + Colour(colours.Heading) + Size(fonts.BodySize * TextScales.DefinitionTerm)));
        xml.Append(Style("paragraph", StyleIds.Definition, "Definition", basedOn: StyleIds.Normal, uiPriority: 99,
            qFormat: true, pPr: "<w:spacing w:after=\"0\"/><w:jc w:val=\"left\"/>"));

        xml.Append(Style("paragraph", StyleIds.CoverKicker, "Cover Kicker", basedOn: StyleIds.Normal, uiPriority: 99,
            pPr: "<w:spacing w:after=\"0\"/><w:jc w:val=\"left\"/>",
            rPr: FontsFor(fonts.Heading) + "<w:b/><w:bCs/><w:caps/>" + Colour("#FFFFFF") + "<w:spacing w:val=\"40\"/>" + Size(12)));
        xml.Append(Style("paragraph", StyleIds.CoverDate, "Cover Date", basedOn: StyleIds.CoverKicker, uiPriority: 99,
            pPr: "<w:spacing w:before=\"80\" w:after=\"0\"/>",
            rPr: "<w:b w:val=\"0\"/><w:bCs w:val=\"0\"/><w:caps w:val=\"0\"/><w:spacing w:val=\"0\"/>" + Size(10)));
        xml.Append(Style("paragraph", StyleIds.CoverLabel, "Cover Label", basedOn: StyleIds.Normal, uiPriority: 99,
            pPr: "<w:spacing w:before=\"30\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
            rPr: FontsFor(fonts.Heading) + "<w:b/><w:bCs/><w:caps/>" + Colour(colours.Muted) + Size(8.5)));
        xml.Append(Style("paragraph", StyleIds.CoverDetail, "Cover Detail", basedOn: StyleIds.Normal, uiPriority: 99,
            pPr: "<w:spacing w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
            rPr: Size(11)));

        xml.Append(TableStyle(theme));
        xml.Append("</w:styles>");
        return new W.Styles(xml.ToString());
    }

    /// <summary>The table style: borders, padding and text size for the whole table, header row and banding as conditions.</summary>
    private static string TableStyle(Theme theme)
    {
        var table = theme.Table;
        var border = $"w:val=\"single\" w:sz=\"{Units.EighthPoints(table.BorderWidth)}\" w:space=\"0\" w:color=\"{Units.Colour(table.Border)}\"";
        var padding = Units.Twips(table.CellPadding);
        var tblPr = "<w:tblStyleRowBandSize w:val=\"1\"/>" +
                    $"<w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/>" +
                    $"<w:insideH {border}/><w:insideV {border}/></w:tblBorders>" +
                    $"<w:tblCellMar><w:top w:w=\"{padding}\" w:type=\"dxa\"/><w:left w:w=\"{padding}\" w:type=\"dxa\"/>" +
                    $"<w:bottom w:w=\"{padding}\" w:type=\"dxa\"/><w:right w:w=\"{padding}\" w:type=\"dxa\"/></w:tblCellMar>";
        var conditions = new StringBuilder();
        conditions.Append("<w:tblStylePr w:type=\"firstRow\"><w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/>")
            .Append(Colour(table.HeaderText))
            .Append($"</w:rPr><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{Units.Colour(table.HeaderBackground)}\"/></w:tcPr></w:tblStylePr>");
        // The theme shades every second body row; in Word's terms that is the even band.
        if (!string.IsNullOrEmpty(table.BandBackground))
            conditions.Append($"<w:tblStylePr w:type=\"band2Horz\"><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{Units.Colour(table.BandBackground)}\"/></w:tcPr></w:tblStylePr>");
        return Style("table", StyleIds.Table, "Briefing Table", basedOn: "TableNormal", uiPriority: 59, qFormat: true,
            pPr: "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
            rPr: Size(table.FontSize), tblPr: tblPr, tail: conditions.ToString());
    }

    private static string Style(string type, string id, string name, string? basedOn = null, string? next = null,
        bool isDefault = false, bool autoRedefine = false, int? uiPriority = null, bool semiHidden = false,
        bool unhide = false, bool qFormat = false, string pPr = "", string rPr = "", string tblPr = "", string tail = "")
    {
        var xml = new StringBuilder();
        xml.Append($"<w:style w:type=\"{type}\"").Append(isDefault ? " w:default=\"1\"" : "").Append($" w:styleId=\"{id}\">");
        xml.Append($"<w:name w:val=\"{Escape(name)}\"/>");
        if (basedOn is not null) xml.Append($"<w:basedOn w:val=\"{basedOn}\"/>");
        if (next is not null) xml.Append($"<w:next w:val=\"{next}\"/>");
        if (autoRedefine) xml.Append("<w:autoRedefine/>");
        if (uiPriority is not null) xml.Append($"<w:uiPriority w:val=\"{uiPriority}\"/>");
        if (semiHidden) xml.Append("<w:semiHidden/>");
        if (semiHidden || unhide) xml.Append("<w:unhideWhenUsed/>");
        if (qFormat) xml.Append("<w:qFormat/>");
        if (pPr.Length > 0) xml.Append("<w:pPr>").Append(pPr).Append("</w:pPr>");
        if (rPr.Length > 0) xml.Append("<w:rPr>").Append(rPr).Append("</w:rPr>");
        if (tblPr.Length > 0) xml.Append("<w:tblPr>").Append(tblPr).Append("</w:tblPr>");
        xml.Append(tail).Append("</w:style>");
        return xml.ToString();
    }

    /// <summary>The font Word uses for complex-script (right-to-left) runs.</summary>
    public const string ComplexScriptFont = "Noto Naskh Arabic";

    /// <summary>The family tables are set in (the Table Text style), as the PDF sets them.</summary>
    public static string TableFamily(Theme theme) => theme.Fonts.Heading;

    /// <summary>The Caption style's space after, in points.</summary>
    public const double CaptionSpaceAfter = 10;

    private static string Fonts(string family, string eastAsian)
    {
        var name = Escape(family);
        // Complex-script text (Arabic) is set in the bundled Arabic face, as the PDF writer's fallback chain ends in it.
        return $"<w:rFonts w:ascii=\"{name}\" w:hAnsi=\"{name}\" w:eastAsia=\"{Escape(eastAsian)}\" w:cs=\"{Escape(ComplexScriptFont)}\"/>";
    }

    private static bool LooksLikePath(string font) =>
        font.Contains('/') || font.Contains('\\') ||
        font.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || font.EndsWith(".otf", StringComparison.OrdinalIgnoreCase) ||
        font.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase);

    private static string Colour(string hex) => $"<w:color w:val=\"{Units.Colour(hex)}\"/>";

    private static string Size(double points) =>
        $"<w:sz w:val=\"{Units.HalfPoints(points)}\"/><w:szCs w:val=\"{Units.HalfPoints(points)}\"/>";

    private static string Spacing(double after, double line) =>
        $"<w:spacing w:after=\"{Units.Twips(after)}\" w:line=\"{Units.LineMultiple(line)}\" w:lineRule=\"auto\"/>";

    private static string Escape(string value) => SecurityElement.Escape(value) ?? "";
}
