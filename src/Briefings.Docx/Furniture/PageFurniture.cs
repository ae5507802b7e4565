using Briefings.Docx.Body;
using Briefings.Docx.Styles;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx.Furniture;

/// <summary>
/// Headers, footers and the page set-up. Every page carries the handling marking at top and bottom; body
/// pages add the title in the header and "Page X of Y" (PAGE and NUMPAGES fields) in the footer. The cover
/// uses Word's different-first-page header and footer, which show the marking only.
/// </summary>
internal sealed class PageFurniture(WriteContext context, InlineWriter inlines)
{
    public W.SectionProperties Build(bool hasCover)
    {
        var page = context.Theme.Page;
        var properties = new W.SectionProperties(
            new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = AddHeader("rIdHeaderDefault", BodyHeader()) },
            new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = AddFooter("rIdFooterDefault", BodyFooter()) });
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

    private IEnumerable<W.Paragraph> BodyHeader()
    {
        if (Marking() is { } marking)
            yield return marking;
        var title = BlockWriter.Paragraph(BlockWriter.Properties(StyleIds.Header, justification: W.JustificationValues.Right),
            [inlines.PlainRun(context.Document.Metadata.Title)]);
        // A hairline under the title separates the header from the text.
        title.ParagraphProperties!.InsertAfter(
            new W.ParagraphBorders(new W.BottomBorder
            {
                Val = W.BorderValues.Single, Size = 4, Space = 4, Color = Units.Colour(context.Theme.Colours.Rule),
            }),
            title.ParagraphProperties.ParagraphStyleId);
        yield return title;
    }

    private IEnumerable<W.Paragraph> BodyFooter()
    {
        // Stored results: the first page's number; Word and LibreOffice recalculate both on every page.
        yield return BlockWriter.Paragraph(BlockWriter.Properties(StyleIds.Footer, justification: W.JustificationValues.Center),
        [
            inlines.PlainRun("Page "), .. Fields.Simple("PAGE", "1"),
            inlines.PlainRun(" of "), .. Fields.Simple("NUMPAGES", "1"),
        ]);
        if (Marking() is { } marking)
            yield return marking;
    }

    private IEnumerable<W.Paragraph> MarkingOnly()
    {
        yield return Marking() ?? new W.Paragraph(BlockWriter.Properties(StyleIds.Header));
    }

    private W.Paragraph? Marking() =>
        string.IsNullOrWhiteSpace(context.Document.Metadata.Marking)
            ? null
            : BlockWriter.Paragraph(BlockWriter.Properties(StyleIds.Marking), [inlines.PlainRun(context.Document.Metadata.Marking)]);
}
