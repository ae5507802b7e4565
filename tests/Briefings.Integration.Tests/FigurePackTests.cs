using Briefings.Documents;
using Briefings.Docx;
using Briefings.Packs;
using Briefings.Pdf;
using Briefings.Records;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using Xunit;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Briefings.Integration.Tests;

/// <summary>
/// Figures end to end: the Q3 2023 digest and the China and Belarus profiles carry their charts and map in both
/// formats: vector with selectable text in the PDF (no raster image), SVG plus PNG in the .docx with the
/// alternative text as the drawing's description; both byte-identical when rendered again.
/// </summary>
public class FigurePackTests
{
    private static readonly Lazy<PackRenderer> Renderer = new(() =>
    {
        var load = RecordLoader.Load(Path.Combine(Repository.Root, "data"));
        Assert.False(load.HasErrors);
        return new PackRenderer(load.Records, Path.Combine(Repository.Root, "templates"), SamplePacks.ProfileAsOf);
    });

    public static IEnumerable<object[]> Packs() => [["digest"], ["country CHN"], ["country BLR"], ["visit 2022-09-14-xi-tokayev"]];

    private static RenderedPack Render(string name) => Renderer.Value.Render(name switch
    {
        "digest" => new DigestPackRequest(new DateOnly(2023, 7, 1), new DateOnly(2023, 9, 30), "Q3 2023") { AsOf = new DateOnly(2023, 9, 30) },
        _ when name.StartsWith("visit ", StringComparison.Ordinal) => new VisitPackRequest(name["visit ".Length..]) { AsOf = SamplePacks.ProfileAsOf },
        _ => new CountryPackRequest(name["country ".Length..]) { AsOf = SamplePacks.ProfileAsOf },
    });

    [Theory]
    [MemberData(nameof(Packs))]
    public void The_pdf_draws_figures_as_vectors_with_their_text_selectable(string name)
    {
        var pack = Render(name);
        var figures = pack.Document.Blocks.OfType<Figure>().ToList();
        Assert.True(figures.Count >= 1, $"{name} has no figure");
        var bytes = SamplePacks.Write(new PdfDocumentWriter(), pack);
        Assert.Equal(bytes, SamplePacks.Write(new PdfDocumentWriter(), pack));

        using var pdf = PdfDocument.Open(bytes);
        Assert.All(pdf.GetPages(), page => Assert.Empty(page.GetImages()));
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        foreach (var figure in figures)
        {
            Assert.Contains(figure.Caption.Split(' ')[0], text);
            // Every word drawn in the figure can be found in the PDF's text.
            foreach (var word in figure.Drawing.Items.OfType<DrawingText>().SelectMany(t => t.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                Assert.Contains(word, text);
        }
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void The_docx_holds_each_figure_as_svg_with_a_png_fallback_described_by_its_alternative_text(string name)
    {
        var pack = Render(name);
        var figures = pack.Document.Blocks.OfType<Figure>().ToList();
        var bytes = SamplePacks.Write(new DocxDocumentWriter(), pack);
        Assert.Equal(bytes, SamplePacks.Write(new DocxDocumentWriter(), pack));

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new[] { FileFormatVersions.Office2007, FileFormatVersions.Office2019 }
            .SelectMany(version => new OpenXmlValidator(version).Validate(word).Select(e => $"{version} {e.Path?.XPath}: {e.Description}"))
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var main = word.MainDocumentPart!;
        var descriptions = main.Document!.Descendants<Wp.DocProperties>().Select(d => d.Description?.Value).ToList();
        Assert.Equal(figures.Select(f => f.AltText), descriptions);
        var images = main.ImageParts.ToList();
        Assert.Equal(figures.Count, images.Count(i => i.ContentType == "image/svg+xml"));
        Assert.Equal(figures.Count, images.Count(i => i.ContentType == "image/png"));
        foreach (var png in images.Where(i => i.ContentType == "image/png"))
        {
            using var stream = png.GetStream();
            using var bitmap = SkiaSharp.SKBitmap.Decode(stream);
            Assert.NotNull(bitmap);
            // 300 dpi at the text width (about 6.4 inches).
            Assert.InRange(bitmap.Width, 1800, 2000);
        }
        var blips = main.Document.Descendants<DocumentFormat.OpenXml.Office2019.Drawing.SVG.SVGBlip>().ToList();
        Assert.Equal(figures.Count, blips.Count);
        Assert.All(blips, b => Assert.Equal("image/svg+xml", main.GetPartById(b.Embed!.Value!).ContentType));
    }

    [Fact]
    public void The_visit_brief_maps_xi_jinpings_journey_as_a_tagged_figure_and_a_single_place_visit_has_no_map()
    {
        var pack = Render("visit 2022-09-14-xi-tokayev");
        var map = Assert.Single(pack.Document.Blocks.OfType<Figure>());
        Assert.Equal("Xi Jinping's journey, 14–16 September 2022", map.Caption);
        Assert.Contains("in order: Nur-Sultan, Kazakhstan (14 September 2022), then Samarkand, Uzbekistan (15–16 September 2022", map.AltText);

        // In the PDF: a Figure structure element whose /Alt is the alternative text, the stops' labels as text.
        using var pdf = PdfDocument.Open(SamplePacks.Write(new PdfDocumentWriter(), pack));
        var figures = StructureElements(pdf).Where(e => e.TryGet(NameToken.S, out var role) && (role as NameToken)?.Data == "Figure").ToList();
        var figure = Assert.Single(figures);
        Assert.True(figure.TryGet(NameToken.Create("Alt"), out var alt));
        Assert.Equal(map.AltText, PdfText(alt));
        var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Nur-Sultan,", words);
        Assert.Contains("Samarkand,", words);
        Assert.All(pdf.GetPages(), page => Assert.Empty(page.GetImages()));

        // A visit of one place (Lukashenko in Beijing: Xi at home) has no map.
        Assert.Empty(Render("visit 2023-12-04-xi-lukashenko").Document.Blocks.OfType<Figure>());
    }

    /// <summary>Every structure element of the PDF's tagged structure tree, depth first.</summary>
    private static List<DictionaryToken> StructureElements(PdfDocument pdf)
    {
        IToken? Resolve(IToken? token) => token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;
        var found = new List<DictionaryToken>();
        void Walk(IToken? token, int depth)
        {
            Assert.True(depth < 64, "the structure tree is too deep");
            switch (Resolve(token))
            {
                case ArrayToken array:
                    foreach (var item in array.Data)
                        Walk(item, depth + 1);
                    break;
                case DictionaryToken element when element.ContainsKey(NameToken.S):
                    found.Add(element);
                    if (element.TryGet(NameToken.K, out var kids))
                        Walk(kids, depth + 1);
                    break;
            }
        }
        var root = (DictionaryToken)Resolve(pdf.Structure.Catalog.CatalogDictionary.Data["StructTreeRoot"])!;
        Walk(root.Data["K"], 0);
        return found;
    }

    private static string? PdfText(IToken? token) => token switch
    {
        StringToken s => s.Data,
        HexToken h => h.Bytes.ToArray() is var b && b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF
            ? System.Text.Encoding.BigEndianUnicode.GetString(b, 2, b.Length - 2)
            : System.Text.Encoding.Latin1.GetString(h.Bytes.ToArray()),
        _ => null,
    };
}
