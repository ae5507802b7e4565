using Briefings.Docx.Body;
using Briefings.Docx.Styles;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx.Furniture;

/// <summary>
/// Headers, footers and the page set-up, laid out as the PDF writer does. Every page carries the handling
/// marking centred at top and bottom; body pages add a running header with the title and "Page X of Y"
/// (PAGE and NUMPAGES fields) and a footer with the as-of date. The cover uses Word's different-first-page
/// header and footer, which show the marking only.
/// </summary>
internal sealed class PageFurniture(WriteContext context, InlineWriter inlines)
{
    public W.SectionProperties Build(bool hasCover)
    {
        var page = context.Theme.Page;
        var properties = new W.SectionProperties(
            new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = AddHeader("rIdHeaderDefault", BodyHeader()) },
            new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = AddFooter("rIdFooterDefault", NotEmpty(BodyFooter(), StyleIds.Footer)) });
        if (hasCover)
        {
            properties.Append(
                new W.HeaderReference { Type = W.HeaderFooterValues.First, Id = AddHeader("rIdHeaderFirst", MarkingOnly()) },
                new W.FooterReference { Type = W.HeaderFooterValues.First, Id = AddFooter("rIdFooterFirst", MarkingOnly()) });
        }
        properties.Append(
            new W.PageSize { Width = (uint)Units.Twips(page.Width), Height = (uint)Units.Twips(page.Height) },
            new W.PageMargin
            {
                Top = Units.Twips(page.MarginTop), Bottom = Units.Twips(page.MarginBottom),
                Left = (uint)Units.Twips(page.MarginLeft), Right = (uint)Units.Twips(page.MarginRight),
                // Furniture sits half-way into the margin, clear of the body text.
                Header = (uint)Units.Twips(page.MarginTop / 2), Footer = (uint)Units.Twips(page.MarginBottom / 2),
                Gutter = 0,
            });
        if (hasCover)
            properties.Append(new W.TitlePage());
        return properties;
    }

    private string AddHeader(string id, IEnumerable<W.Paragraph> content)
    {
        var part = context.Main.AddNewPart<HeaderPart>(id);
        part.Header = new W.Header(content);
        return id;
    }

    private string AddFooter(string id, IEnumerable<W.Paragraph> content)
    {
        var part = context.Main.AddNewPart<FooterPart>(id);
        part.Footer = new W.Footer(content);
        return id;
    }

    /// <summary>The marking, then the title on the left and "Page X of Y" on the right over a hairline.</summary>
    private IEnumerable<W.Paragraph> BodyHeader()
    {
        if (Marking() is { } marking)
            yield return marking;
        // Stored results are the first page's; Word and LibreOffice recalculate both fields on every page.
        var line = BlockWriter.Paragraph(BlockWriter.Properties(StyleIds.Header),
        [
            inlines.PlainRun(context.Document.Metadata.Title), new W.Run(new W.TabChar()),
            inlines.PlainRun("Page "), .. Fields.Simple("PAGE", "1"),
            inlines.PlainRun(" of "), .. Fields.Simple("NUMPAGES", "1"),
        ]);
        line.ParagraphProperties!.InsertAfter(Hairline(bottom: true), line.ParagraphProperties.ParagraphStyleId);
        // The title is left-aligned, the page number right-aligned on the style's right tab stop; the centre stop is not wanted here.
        line.ParagraphProperties.InsertAfter(new W.Tabs(new W.TabStop { Val = W.TabStopValues.Clear, Position = context.TextWidth / 2 }),
            line.ParagraphProperties.ParagraphBorders);
        yield return line;
    }

    /// <summary>The as-of date over a hairline, then the marking.</summary>
    private IEnumerable<W.Paragraph> BodyFooter()
    {
        if (CoverWriter.FormattedDate(context.Document.Metadata, context.Theme) is { } date)
        {
            var line = BlockWriter.Paragraph(BlockWriter.Properties(StyleIds.Footer), [inlines.PlainRun("As of " + date)]);
            line.ParagraphProperties!.InsertAfter(Hairline(bottom: false), line.ParagraphProperties.ParagraphStyleId);
            yield return line;
        }
        if (Marking() is { } marking)
            yield return marking;
    }

    private W.ParagraphBorders Hairline(bool bottom)
    {
        var colour = Units.Colour(context.Theme.Colours.Rule);
        return bottom
            ? new W.ParagraphBorders(new W.BottomBorder { Val = W.BorderValues.Single, Size = 4, Space = 4, Color = colour })
            : new W.ParagraphBorders(new W.TopBorder { Val = W.BorderValues.Single, Size = 4, Space = 4, Color = colour });
    }

    private IEnumerable<W.Paragraph> MarkingOnly()
    {
        yield return Marking() ?? new W.Paragraph(BlockWriter.Properties(StyleIds.Header));
    }

    /// <summary>A footer needs at least one paragraph even when there is nothing to print.</summary>
    private static IEnumerable<W.Paragraph> NotEmpty(IEnumerable<W.Paragraph> paragraphs, string style)
    {
        var list = paragraphs.ToList();
        return list.Count > 0 ? list : [new W.Paragraph(BlockWriter.Properties(style))];
    }

    private W.Paragraph? Marking() =>
        string.IsNullOrWhiteSpace(context.Document.Metadata.Marking)
            ? null
            : BlockWriter.Paragraph(BlockWriter.Properties(StyleIds.Marking), [inlines.PlainRun(context.Document.Metadata.Marking)]);
}
