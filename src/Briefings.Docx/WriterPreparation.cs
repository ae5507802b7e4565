using Briefings.Documents;
using DocumentFormat.OpenXml;
using Ap = DocumentFormat.OpenXml.ExtendedProperties;
using Cp = DocumentFormat.OpenXml.CustomProperties;
using Vt = DocumentFormat.OpenXml.VariantTypes;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx;

/// <summary>
/// The one-time work of a first document in a process, done ahead when a caller has a core to spare
/// (<see cref="DocxDocumentWriter.Prepare"/>): the Open XML SDK describes each element type (its attributes, from
/// expression trees) the first time an element of that type is used, and the writer's fonts are read and loaded
/// into HarfBuzz once. Both are caches that the writer fills on its own otherwise; nothing here changes what it writes.
/// </summary>
internal static class WriterPreparation
{
    /// <summary>
    /// One element of each type every document uses (body text, tables, notes, numbering, furniture, properties):
    /// the SDK describes a type when an element of it is first used.
    /// </summary>
    internal static OpenXmlElement[] Elements() =>
    [
        new Cp.CustomDocumentProperty(), new Cp.Properties(), new Ap.Application(), new Ap.DocumentSecurity(),
        new Ap.HyperlinksChanged(), new Ap.LinksUpToDate(), new Ap.Properties(), new Ap.ScaleCrop(),
        new Ap.SharedDocument(), new Vt.VTLPWSTR(), new W.AbstractNum(), new W.AbstractNumId(),
        new W.AutoHyphenation(), new W.Body(), new W.Bold(), new W.BoldComplexScript(), new W.BookmarkEnd(),
        new W.BookmarkStart(), new W.BottomBorder(), new W.BottomMargin(), new W.Break(), new W.CantSplit(),
        new W.CharacterSpacingControl(), new W.Compatibility(), new W.CompatibilitySetting(),
        new W.ContinuationSeparatorMark(), new W.DecimalSymbol(), new W.DefaultTabStop(), new W.DocPartGallery(),
        new W.DocPartUnique(), new W.Document(), new W.DoNotExpandShiftReturn(), new W.EmbedBoldFont(),
        new W.EmbedRegularFont(), new W.EmbedTrueTypeFonts(), new W.FieldChar(), new W.FieldCode(), new W.Font(),
        new W.FontCharSet(), new W.FontFamily(), new W.Fonts(), new W.Footer(), new W.FooterReference(),
        new W.Footnote(), new W.FootnoteDocumentWideProperties(), new W.FootnoteReference(),
        new W.FootnoteReferenceMark(), new W.Footnotes(), new W.FootnoteSpecialReference(), new W.GridColumn(),
        new W.Header(), new W.HeaderReference(), new W.Hyperlink(), new W.Indentation(),
        new W.InsideHorizontalBorder(), new W.InsideVerticalBorder(), new W.Justification(), new W.KeepLines(),
        new W.KeepNext(), new W.Languages(), new W.LeftBorder(), new W.Level(), new W.LevelJustification(),
        new W.LevelText(), new W.ListSeparator(), new W.MultiLevelType(), new W.Nsid(), new W.Numbering(),
        new W.NumberingFormat(), new W.NumberingId(), new W.NumberingInstance(), new W.NumberingLevelReference(),
        new W.NumberingProperties(), new W.PageMargin(), new W.PageSize(), new W.Paragraph(), new W.ParagraphBorders(),
        new W.ParagraphProperties(), new W.ParagraphStyleId(), new W.Pitch(), new W.PreviousParagraphProperties(),
        new W.RightBorder(), new W.Run(), new W.RunProperties(), new W.RunStyle(), new W.SaveSubsetFonts(),
        new W.SdtBlock(), new W.SdtContentBlock(), new W.SdtContentDocPartObject(), new W.SdtProperties(),
        new W.SectionProperties(), new W.SeparatorMark(), new W.Settings(), new W.Shading(),
        new W.SpacingBetweenLines(), new W.StartNumberingValue(), new W.Styles(), new W.TabChar(), new W.Table(),
        new W.TableBorders(), new W.TableCell(), new W.TableCellLeftMargin(), new W.TableCellMarginDefault(),
        new W.TableCellProperties(), new W.TableCellRightMargin(), new W.TableCellVerticalAlignment(),
        new W.TableCellWidth(), new W.TableGrid(), new W.TableHeader(), new W.TableIndentation(), new W.TableLayout(),
        new W.TableLook(), new W.TableProperties(), new W.TableRow(), new W.TableRowHeight(),
        new W.TableRowProperties(), new W.TableStyle(), new W.TableWidth(), new W.Tabs(), new W.TabStop(),
        new W.Text(), new W.ThemeFontLanguages(), new W.TitlePage(), new W.TopBorder(), new W.TopMargin(),
        new W.UpdateFieldsOnOpen(), new W.Zoom(),
    ];

    public static void Prepare(Theme? theme)
    {
        foreach (var element in Elements())
            _ = element.NamespaceUri;
        if (theme is null)
            return;
        // Body text is measured (contents and section-end estimates); the heading family's regular and bold are
        // embedded in every document, as is the body's regular.
        _ = Styles.FontLineHeight.Of(theme.Fonts.Body);
        _ = Body.TextMeasure.Width("", theme.Fonts.Body, bold: false, 1);
        foreach (var bold in new[] { false, true })
            if (BundledFonts.File(theme.Fonts.Heading, bold, italic: false) is { } heading)
                _ = BundledFonts.Read(heading);
    }
}
