using System.Globalization;
using Briefings.Documents;
using Briefings.Docx.Styles;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx.Body;

/// <summary>
/// The cover page, built from the metadata: a coloured band with the kicker and as-of date, the title
/// and subtitle, the cover fields as a label/value table, then a page break. The handling marking is in
/// the cover's own header and footer. Without a cover the title and subtitle open the first page.
/// </summary>
internal sealed class CoverWriter(WriteContext context, InlineWriter inlines)
{
    public IEnumerable<OpenXmlElement> Write()
    {
        var metadata = context.Document.Metadata;
        var cover = context.Theme.Cover;
        var date = FormattedDate(metadata, context.Theme);
        if (cover.Enabled)
            yield return Band(cover, date);

        yield return BlockWriter.Paragraph(BlockWriter.Properties(StyleIds.Title), [inlines.PlainRun(metadata.Title)]);
        if (!string.IsNullOrWhiteSpace(metadata.Subtitle))
            yield return BlockWriter.Paragraph(BlockWriter.Properties(StyleIds.Subtitle), [inlines.PlainRun(metadata.Subtitle)]);
        if (!cover.Enabled)
            yield break;

        // Like the PDF cover: the cover fields, then the as-of date unless a field already gives it.
        var fields = metadata.CoverFields.ToList();
        if (date is not null && !fields.Any(f => f.Key.Equals("As of", StringComparison.OrdinalIgnoreCase)))
            fields.Add(new("As of", date));
        if (fields.Count > 0)
            yield return Fields(fields);
        yield return BlockWriter.PageBreakParagraph();
    }

    /// <summary>The as-of date in the theme's format (invariant culture, as the PDF writer prints it).</summary>
    internal static string? FormattedDate(DocumentMetadata metadata, Theme theme) =>
        metadata.Date?.ToString(theme.DateFormat, CultureInfo.InvariantCulture);

    private W.Table Band(CoverTheme cover, string? date)
    {
        var width = Units.Number(context.TextWidth);
        var cell = new W.TableCell(
            new W.TableCellProperties(
                new W.TableCellWidth { Width = width, Type = W.TableWidthUnitValues.Dxa },
                new W.Shading { Val = W.ShadingPatternValues.Clear, Color = "auto", Fill = Units.Colour(cover.BandColour) },
                new W.TableCellVerticalAlignment { Val = W.TableVerticalAlignmentValues.Bottom }),
            BlockWriter.Paragraph(BlockWriter.Properties(StyleIds.CoverKicker), [inlines.PlainRun(cover.Kicker)]));
        if (date is not null)
            cell.Append(BlockWriter.Paragraph(BlockWriter.Properties(StyleIds.CoverDate), [inlines.PlainRun(date)]));
        return new W.Table(
            new W.TableProperties(
                new W.TableWidth { Width = width, Type = W.TableWidthUnitValues.Dxa },
                new W.TableBorders(NoBorders()),
                new W.TableLayout { Type = W.TableLayoutValues.Fixed },
                BlockWriter.CellMargins(top: 240, left: 280, bottom: 280, right: 280),
                new W.TableLook { Val = "0600" }),
            new W.TableGrid(new W.GridColumn { Width = width }),
            new W.TableRow(
                new W.TableRowProperties(new W.TableRowHeight { Val = (uint)Units.Twips(cover.BandHeight), HeightType = W.HeightRuleValues.Exact }),
                cell));
    }

    /// <summary>Cover fields ("Meeting", "Venue" ...) as a borderless two-column table so values line up.</summary>
    private W.Table Fields(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var total = context.TextWidth;
        var labelWidth = Math.Min(total * 3 / 10, Units.Twips(130));
        var widths = new[] { labelWidth, total - labelWidth };
        var table = new W.Table(
            new W.TableProperties(
                new W.TableWidth { Width = Units.Number(total), Type = W.TableWidthUnitValues.Dxa },
                new W.TableBorders(NoBorders()),
                new W.TableLayout { Type = W.TableLayoutValues.Fixed },
                BlockWriter.CellMargins(top: 40, left: 0, bottom: 40, right: 120),
                new W.TableLook { Val = "0600" }),
            new W.TableGrid(widths.Select(w => new W.GridColumn { Width = Units.Number(w) })));
        foreach (var (label, value) in fields)
        {
            table.Append(new W.TableRow(
                new W.TableRowProperties(new W.CantSplit()),
                Cell(widths[0], StyleIds.CoverLabel, inlines.PlainRun(label)),
                Cell(widths[1], StyleIds.CoverDetail, inlines.PlainRun(value))));
        }
        return table;
    }

    private static W.TableCell Cell(int width, string style, W.Run run) => new(
        new W.TableCellProperties(new W.TableCellWidth { Width = Units.Number(width), Type = W.TableWidthUnitValues.Dxa }),
        BlockWriter.Paragraph(BlockWriter.Properties(style), [run]));

    private static OpenXmlElement[] NoBorders() =>
    [
        new W.TopBorder { Val = W.BorderValues.None }, new W.LeftBorder { Val = W.BorderValues.None },
        new W.BottomBorder { Val = W.BorderValues.None }, new W.RightBorder { Val = W.BorderValues.None },
        new W.InsideHorizontalBorder { Val = W.BorderValues.None }, new W.InsideVerticalBorder { Val = W.BorderValues.None },
    ];
}
