using System.Globalization;
using Briefings.Documents;
using Briefings.Docx.Figures;
using Briefings.Docx.Styles;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using Asvg = DocumentFormat.OpenXml.Office2019.Drawing.SVG;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Briefings.Docx.Body;

/// <summary>
/// A figure as an inline picture: the SVG (Word's asvg:svgBlip extension) with a 300 dpi PNG fallback, the
/// alternative text as the drawing's description, and the caption in Word's Caption style below it.
/// </summary>
internal sealed class FigureRenderer(WriteContext context) : BlockRenderer<Figure>
{
    private const string SvgExtension = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}";
    private const long EmuPerPoint = 12700;
    private int count;

    protected override void Write(Figure figure, BlockScope scope, List<OpenXmlElement> output)
    {
        count++;
        var (width, height) = figure.Size.Resolve(scope.ContentWidth / 20.0);
        var number = count.ToString(CultureInfo.InvariantCulture);
        var part = context.LinkPart;
        // The parts go into the package empty; their bytes are written in their place when it is rewritten. The PNG is
        // drawn here, on the writer's thread (or found drawn already): drawn on pool threads while the rest was written,
        // the fallbacks cost more processor time and no less wall time on two cores, competing with the writer.
        var png = part.AddNewPart<ImagePart>("image/png", $"rIdFigure{number}Png");
        context.Media[EntryName(png)] = FigurePictures.CachedPng(figure.Drawing, context.Theme.Fonts, width, height);
        var svg = part.AddNewPart<ImagePart>("image/svg+xml", $"rIdFigure{number}Svg");
        context.Media[EntryName(svg)] = FigurePictures.Svg(figure.Drawing, context.Theme.Fonts, width, height);

        long cx = (long)Math.Round(width * EmuPerPoint), cy = (long)Math.Round(height * EmuPerPoint);
        var id = (uint)(1000 + count);
        var name = $"Figure {number}";
        var blip = new A.Blip(new A.BlipExtensionList(new A.BlipExtension(new Asvg.SVGBlip { Embed = $"rIdFigure{number}Svg" }) { Uri = SvgExtension }))
        {
            Embed = $"rIdFigure{number}Png",
        };
        var picture = new Pic.Picture(
            new Pic.NonVisualPictureProperties(
                new Pic.NonVisualDrawingProperties { Id = 0U, Name = name, Description = figure.AltText },
                new Pic.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
            new Pic.BlipFill(blip, new A.Stretch(new A.FillRectangle())),
            new Pic.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new Wp.Inline(
            new Wp.Extent { Cx = cx, Cy = cy },
            new Wp.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new Wp.DocProperties { Id = id, Name = name, Description = figure.AltText },
            new Wp.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        };
        var properties = BlockWriter.Properties(StyleIds.Normal, indentLeft: scope.InList ? scope.Indent : null);
        properties.Append(new W.KeepNext());
        ReorderKeepNext(properties);
        // Single spacing whatever the body's: a picture in a paragraph spaced below 100% has its top cut off
        // (LibreOffice crops inline pictures to the line's proportional height).
        var single = new W.SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = W.LineSpacingRuleValues.Auto };
        if (properties.GetFirstChild<W.Indentation>() is { } indentation)
            indentation.InsertBeforeSelf(single);
        else
            properties.Append(single);
        output.Add(BlockWriter.Paragraph(properties, [new W.Run(new W.Drawing(inline))]));
        if (!string.IsNullOrWhiteSpace(figure.Caption))
            output.Add(BlockWriter.Paragraph(BlockWriter.Properties(StyleIds.Caption), [new W.Run(new W.Text(figure.Caption) { Space = SpaceProcessingModeValues.Preserve })]));
    }

    /// <summary>A part's name in the zip: its URI without the leading slash.</summary>
    private static string EntryName(OpenXmlPart part) => part.Uri.OriginalString.TrimStart('/');

    /// <summary>Schema order: the style first, then keepNext, then the rest.</summary>
    private static void ReorderKeepNext(W.ParagraphProperties properties)
    {
        var keep = properties.GetFirstChild<W.KeepNext>()!;
        keep.Remove();
        if (properties.GetFirstChild<W.ParagraphStyleId>() is { } style)
            style.InsertAfterSelf(keep);
        else
            properties.PrependChild(keep);
    }
}
