using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Briefings.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using Xunit;
using static Briefings.Pdf.Tests.SampleBriefs;

namespace Briefings.Pdf.Tests;

/// <summary>A fact that runs only when a command-line tool is installed; otherwise it is reported as skipped, naming the tool.</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool, string package)
    {
        if (!Tools.Has(tool))
            Skip = $"{tool} is not installed (apt-get install {package}); this check did not run.";
    }
}

internal static class Tools
{
    public static bool Has(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, tool)));

    public static (int Exit, string Output) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}

/// <summary>
/// The PDF is tagged (PDF/UA-1) and archival (PDF/A-2b), read back independently of the writer: the
/// structure tree walked object by object with PdfPig's low-level access, marked content from the pages,
/// metadata parsed as XML, and copy-out through poppler's pdftotext.
/// </summary>
public class TaggedPdfTests
{
    private static readonly Theme CffTheme = new() { Fonts = new FontTheme { Fallback = [FixturePaths.CjkCffFont] } };

    private static byte[] Render(Document document, Theme? theme = null, PdfOptions? options = null)
    {
        using var stream = new MemoryStream();
        new PdfDocumentWriter(options ?? new PdfOptions()).Write(document, theme ?? new Theme(), stream);
        return stream.ToArray();
    }

    private static readonly Lazy<byte[]> Brief = new(() => Render(VisitBrief(tableRows: 40, sections: 3)));

    /// <summary>Names in three scripts and a hyphenated name that the layout breaks at its hyphen.</summary>
    private const string Names = "The People's Republic of China (中华人民共和国) hosted 马克龙 and بشار الأسد in turn.";

    /// <summary>A pack whose text has Chinese (CFF font), Arabic and "Kassym-Jomart" broken at its hyphen at a line end.</summary>
    private static readonly Lazy<(byte[] Pdf, string Paragraph)> Scripts = new(() =>
    {
        for (int filler = 0; filler < 60; filler++)
        {
            string paragraph = string.Join(" ", Enumerable.Repeat("talks", filler)) + (filler > 0 ? " " : "") + "President Kassym-Jomart Tokayev met the delegation.";
            var document = new Document(Metadata("Names in every script"),
                [H(1, "s", "Summary"), P(T(Names)), P(T(paragraph))], []);
            var pdf = Render(document, CffTheme);
            using var read = PdfDocument.Open(pdf);
            var words = read.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
            if (words.Contains("Kassym-") && words.Contains("Jomart"))
                return (pdf, paragraph);
        }
        throw new InvalidOperationException("No filler length puts the line break at the hyphen of Kassym-Jomart.");
    });

    // ---- reading the file's objects ----

    private static IToken? Resolve(PdfDocument pdf, IToken? token) =>
        token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;

    private static IToken? Get(PdfDocument pdf, DictionaryToken dictionary, string key) =>
        dictionary.TryGet(NameToken.Create(key), out var value) ? Resolve(pdf, value) : null;

    private static DictionaryToken Dict(PdfDocument pdf, DictionaryToken dictionary, string key) =>
        Get(pdf, dictionary, key) as DictionaryToken ?? throw new Xunit.Sdk.XunitException($"/{key} is missing");

    private static string? Name(PdfDocument pdf, DictionaryToken dictionary, string key) => (Get(pdf, dictionary, key) as NameToken)?.Data;

    private static string? Text(IToken? token) => token switch
    {
        StringToken s => s.Data,
        HexToken h => HexText(h.Bytes.ToArray()),
        _ => null,
    };

    private static string HexText(byte[] bytes) =>
        bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2) : Encoding.Latin1.GetString(bytes);

    private static DictionaryToken Catalog(PdfDocument pdf) => pdf.Structure.Catalog.CatalogDictionary;

    /// <summary>A structure element as read back: role, attributes, kids, and the marked content it owns (page number, MCID).</summary>
    private sealed record Node(string Role, DictionaryToken Dictionary, List<Node> Children, List<(int Page, int Mcid)> Content, int Annotations);

    private static Node StructureTree(PdfDocument pdf)
    {
        var root = Dict(pdf, Catalog(pdf), "StructTreeRoot");
        var pageNumbers = new Dictionary<long, int>();
        // Page objects in order: the catalog's /Pages /Kids.
        var kids = (ArrayToken)Resolve(pdf, Dict(pdf, Catalog(pdf), "Pages").Data["Kids"])!;
        for (int i = 0; i < kids.Data.Count; i++)
            pageNumbers[((IndirectReferenceToken)kids.Data[i]).Data.ObjectNumber] = i + 1;
        var top = Get(pdf, root, "K");
        var document = top is ArrayToken array ? (DictionaryToken)Resolve(pdf, array.Data.Single())! : (DictionaryToken)top!;
        return Read(pdf, document, pageNumbers, 0);
    }

    private static Node Read(PdfDocument pdf, DictionaryToken element, Dictionary<long, int> pages, int depth)
    {
        Assert.True(depth < 64, "the structure tree is too deep (a cycle?)");
        int page = element.TryGet(NameToken.Create("Pg"), out var pg) ? pages[((IndirectReferenceToken)pg).Data.ObjectNumber] : 0;
        var node = new Node(Name(pdf, element, "S")!, element, [], [], 0);
        int annotations = 0;
        var k = element.TryGet(NameToken.Create("K"), out var raw) ? raw : null;
        var items = k switch
        {
            ArrayToken a => a.Data.ToList(),
            null => [],
            _ => [k],
        };
        foreach (var item in items)
        {
            if (item is NumericToken mcid)
            {
                node.Content.Add((page, mcid.Int));
                continue;
            }
            var kid = (DictionaryToken)Resolve(pdf, item)!;
            var type = Name(pdf, kid, "Type");
            if (type == "MCR")
                node.Content.Add((pages[((IndirectReferenceToken)kid.Data["Pg"]).Data.ObjectNumber], ((NumericToken)kid.Data["MCID"]).Int));
            else if (type == "OBJR")
                annotations++;
            else
                node.Children.Add(Read(pdf, kid, pages, depth + 1));
        }
        return node with { Annotations = annotations };
    }

    private static IEnumerable<Node> PreOrder(Node node)
    {
        yield return node;
        foreach (var child in node.Children)
            foreach (var below in PreOrder(child))
                yield return below;
    }

    /// <summary>The text of every marked-content sequence with an MCID, by (page, MCID).</summary>
    private static Dictionary<(int Page, int Mcid), string> MarkedText(PdfDocument pdf)
    {
        var result = new Dictionary<(int, int), string>();
        foreach (var page in pdf.GetPages())
        {
            void Visit(UglyToad.PdfPig.Content.MarkedContentElement element)
            {
                if (element.MarkedContentIdentifier >= 0)
                {
                    // Letters in drawing order; a new line (another baseline) reads as a space.
                    var text = new StringBuilder();
                    double? baseline = null;
                    foreach (var letter in element.Letters)
                    {
                        if (baseline is { } b && Math.Abs(letter.StartBaseLine.Y - b) > 1 && text.Length > 0 && text[^1] != ' ')
                            text.Append(' ');
                        baseline = letter.StartBaseLine.Y;
                        text.Append(letter.Value);
                    }
                    result[(page.Number, element.MarkedContentIdentifier)] = text.ToString();
                }
                foreach (var child in element.Children)
                    Visit(child);
            }
            foreach (var element in page.GetMarkedContents())
                Visit(element);
        }
        return result;
    }

    private static string TextOf(Node node, Dictionary<(int, int), string> marked) =>
        string.Concat(node.Content.Select(c => marked.GetValueOrDefault(c, "")))
        + string.Concat(node.Children.Select(c => TextOf(c, marked)));

    // ---- structure ----

    [Fact]
    public void A_figure_is_a_Figure_element_with_its_alternative_text_and_its_drawing_as_content_then_its_caption()
    {
        var drawing = new Drawing(200, 100,
        [
            new DrawingPath([PathSegment.MoveTo(20, 20), PathSegment.LineTo(60, 20), PathSegment.LineTo(60, 90), PathSegment.Close()], "#1F3864", null, 0),
            new DrawingText("Meetings per quarter", FontRole.Body, 10, "#1A1A1A", 100, 12, TextAnchor.Middle),
        ]);
        var figure = new Figure("Meetings by quarter", "Bar chart: two meetings in Q3 2023.", FigureSize.FullWidth(drawing), drawing);
        var document = new Document(new DocumentMetadata { Title = "Figure" },
            [new Paragraph([new Documents.Text("Before.")]), figure, new Paragraph([new Documents.Text("After.")])], []);
        using var pdf = PdfDocument.Open(Render(document));
        var marked = MarkedText(pdf);
        var nodes = PreOrder(StructureTree(pdf)).ToList();
        var element = Assert.Single(nodes, n => n.Role == "Figure");
        Assert.Equal("Bar chart: two meetings in Q3 2023.", Text(Get(pdf, element.Dictionary, "Alt")));
        // The drawing's text and paths are the figure's content, not artifacts.
        Assert.NotEmpty(element.Content);
        Assert.Contains("Meetings per quarter", TextOf(element, marked));
        // Reading order: the paragraph before, the figure, its caption, the paragraph after.
        var order = nodes.Where(n => n.Role is "P" or "Figure" or "Caption").Select(n => n.Role == "P" ? TextOf(n, marked).Trim() : n.Role).ToList();
        var at = order.IndexOf("Figure");
        Assert.Equal(["Before.", "Figure", "Caption", "After."], order.Skip(at - 1).Take(4));
    }

    [Fact]
    public void The_structure_tree_lists_the_document_in_reading_order_with_the_right_roles()
    {
        using var pdf = PdfDocument.Open(Brief.Value);
        var tree = StructureTree(pdf);
        Assert.Equal("Document", tree.Role);
        var marked = MarkedText(pdf);
        var all = PreOrder(tree).ToList();

        // Headings, as the tree has them, in order: the cover title, the contents title, then the document's headings.
        var headings = all.Where(n => Regex.IsMatch(n.Role, "^H[1-6]$")).Select(n => (n.Role, Text: TextOf(n, marked))).ToList();
        var document = VisitBrief(tableRows: 40, sections: 3);
        var expected = new List<(string, string)> { ("H1", document.Metadata.Title), ("H1", "Contents") };
        expected.AddRange(document.Headings().Select(h => ("H" + h.Level, h.PlainText)));
        Assert.Equal(expected, headings);

        // Every role the tree needs is there, and paragraphs read as the document's paragraphs.
        var roles = all.Select(n => n.Role).ToHashSet();
        foreach (var role in new[] { "P", "L", "LI", "Lbl", "LBody", "Table", "THead", "TBody", "TR", "TH", "TD", "BlockQuote", "Note", "TOC", "TOCI", "Link", "Div" })
            Assert.Contains(role, roles);
        var paragraphs = all.Where(n => n.Role == "P").Select(n => TextOf(n, marked)).ToList();
        Assert.Contains(paragraphs, p => p.StartsWith("Xi Jinping", StringComparison.Ordinal) || p.Contains("Lukashenko", StringComparison.Ordinal));

        // The contents entries are in heading order and each is a link.
        var entries = all.Where(n => n.Role == "TOCI").ToList();
        Assert.Equal(document.Headings().Count(h => h.Level <= 2), entries.Count);
        Assert.All(entries, e => Assert.Equal(1, e.Children.Single(c => c.Role == "Link").Annotations));

        // Notes come after the body and carry an identifier.
        var notes = all.Where(n => n.Role == "Note").ToList();
        Assert.Equal(document.Footnotes.Count, notes.Count);
        Assert.All(notes, n => Assert.NotNull(Text(Get(pdf, n.Dictionary, "ID"))));
    }

    [Fact]
    public void Every_piece_of_content_is_tagged_or_an_artifact_and_furniture_is_artifact()
    {
        using var pdf = PdfDocument.Open(Brief.Value);
        var tree = StructureTree(pdf);
        var owned = PreOrder(tree).SelectMany(n => n.Content).ToHashSet();
        int total = pdf.NumberOfPages;
        foreach (var page in pdf.GetPages())
        {
            var marked = page.GetMarkedContents();
            int Letters(UglyToad.PdfPig.Content.MarkedContentElement e) => e.Letters.Count + e.Children.Sum(Letters);
            // Every glyph on the page is inside a marked-content sequence (tagged or artifact).
            Assert.Equal(page.Letters.Count, marked.Sum(Letters));
            foreach (var element in marked)
            {
                Assert.True(element.IsArtifact || element.MarkedContentIdentifier >= 0, $"page {page.Number}: marked content {element.Tag} is neither tagged nor artifact");
                if (!element.IsArtifact)
                    Assert.Contains((page.Number, element.MarkedContentIdentifier), owned);
            }
            // The running header, page label and marking are artifacts.
            var artifactText = string.Concat(marked.Where(m => m.IsArtifact).SelectMany(m => m.Letters).Select(l => l.Value));
            Assert.Contains($"Page {page.Number} of {total}".Replace(" ", ""), artifactText.Replace(" ", ""));
            Assert.Contains("OFFICIAL—INTERNALUSEONLY", artifactText.Replace(" ", ""));
            // The parent tree has an entry for every MCID of the page.
            int key = ((NumericToken)page.Dictionary.Data["StructParents"]).Int;
            Assert.True(key >= 0);
        }
    }

    [Fact]
    public void Headings_never_skip_a_level_and_tables_have_header_cells_with_a_scope()
    {
        using var pdf = PdfDocument.Open(Brief.Value);
        var all = PreOrder(StructureTree(pdf)).ToList();
        int previous = 0;
        foreach (var heading in all.Where(n => Regex.IsMatch(n.Role, "^H[1-6]$")))
        {
            int level = heading.Role[1] - '0';
            Assert.True(level <= previous + 1, $"{heading.Role} follows H{previous}");
            previous = level;
        }
        var tables = all.Where(n => n.Role == "Table").ToList();
        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            var header = table.Children.First();
            Assert.Equal("THead", header.Role);
            var cells = header.Children.SelectMany(r => r.Children).ToList();
            Assert.NotEmpty(cells);
            Assert.All(cells, c =>
            {
                Assert.Equal("TH", c.Role);
                Assert.NotEmpty(c.Content); // the header's text is tagged (where first drawn), not only its repeats as artifacts
                Assert.Equal("Column", Name(pdf, Dict(pdf, c.Dictionary, "A"), "Scope"));
            });
            Assert.All(table.Children.Skip(1).SelectMany(b => b.Children), row => Assert.Equal("TR", row.Role));
        }
    }

    [Fact]
    public void Links_are_tagged_described_and_pages_with_links_use_structure_tab_order()
    {
        using var pdf = PdfDocument.Open(Brief.Value);
        var links = PreOrder(StructureTree(pdf)).Where(n => n.Role == "Link").ToList();
        Assert.True(links.Count >= 10);
        int annotationsInTree = links.Sum(l => l.Annotations);
        int annotations = 0;
        foreach (var page in pdf.GetPages())
        {
            if (!page.Dictionary.TryGet(NameToken.Create("Annots"), out var raw))
                continue;
            var list = (ArrayToken)Resolve(pdf, raw)!;
            Assert.Equal("S", Name(pdf, page.Dictionary, "Tabs"));
            foreach (var item in list.Data)
            {
                var annotation = (DictionaryToken)Resolve(pdf, item)!;
                annotations++;
                Assert.False(string.IsNullOrWhiteSpace(Text(Get(pdf, annotation, "Contents"))));
                Assert.True(annotation.TryGet(NameToken.Create("StructParent"), out _));
                Assert.Equal(4, ((NumericToken)Get(pdf, annotation, "F")!).Int); // printable, as PDF/A requires
            }
        }
        Assert.Equal(annotations, annotationsInTree);
    }

    [Fact]
    public void The_catalog_declares_language_title_display_and_marked_content()
    {
        using var pdf = PdfDocument.Open(Brief.Value);
        var catalog = Catalog(pdf);
        Assert.Equal("en-GB", Text(Get(pdf, catalog, "Lang")));
        Assert.True(((BooleanToken)Get(pdf, Dict(pdf, catalog, "MarkInfo"), "Marked")!).Data);
        Assert.True(((BooleanToken)Get(pdf, Dict(pdf, catalog, "ViewerPreferences"), "DisplayDocTitle")!).Data);
        Assert.Equal("Visit brief: Alexander Lukashenko in Beijing", pdf.Information.Title);
    }

    private static XDocument Xmp(PdfDocument pdf)
    {
        var stream = (StreamToken)Get(pdf, Catalog(pdf), "Metadata")!;
        return XDocument.Parse(Encoding.UTF8.GetString(stream.Data.ToArray()).TrimStart('\uFEFF'));
    }

    [Fact]
    public void Xmp_declares_pdfa_2b_and_pdfua_1_and_the_srgb_output_intent_is_embedded()
    {
        using var pdf = PdfDocument.Open(Brief.Value);
        var xmp = Xmp(pdf);
        XNamespace pdfaid = "http://www.aiim.org/pdfa/ns/id/", pdfuaid = "http://www.aiim.org/pdfua/ns/id/", dc = "http://purl.org/dc/elements/1.1/";
        Assert.Equal("2", xmp.Descendants(pdfaid + "part").Single().Value);
        Assert.Equal("B", xmp.Descendants(pdfaid + "conformance").Single().Value);
        Assert.Equal("1", xmp.Descendants(pdfuaid + "part").Single().Value);
        Assert.Equal("Visit brief: Alexander Lukashenko in Beijing", xmp.Descendants(dc + "title").Single().Value);
        // pdfuaid is not a schema PDF/A predefines: an extension schema describes it.
        Assert.Contains("http://www.aiim.org/pdfua/ns/id/", xmp.Descendants().Where(e => e.Name.LocalName == "namespaceURI").Select(e => e.Value));

        var intents = (ArrayToken)Get(pdf, Catalog(pdf), "OutputIntents")!;
        var intent = (DictionaryToken)Resolve(pdf, intents.Data.Single())!;
        Assert.Equal("GTS_PDFA1", Name(pdf, intent, "S"));
        var profile = (StreamToken)Get(pdf, intent, "DestOutputProfile")!;
        Assert.Equal(3, ((NumericToken)profile.StreamDictionary.Data["N"]).Int);
    }

    [Fact]
    public void The_pdfa_2u_profile_declares_conformance_u_and_every_glyph_in_every_script_maps_to_unicode()
    {
        // Level U adds to B that all text maps to Unicode: Chinese from a CFF font, Arabic, a hyphenated name.
        var document = new Document(Metadata("Names in every script"), [H(1, "s", "Summary"), P(T(Names)), P(T("President Kassym-Jomart Tokayev met the delegation."))], []);
        using var pdf = PdfDocument.Open(Render(document, CffTheme, new PdfOptions { Profile = PdfProfile.PdfA2u | PdfProfile.PdfUA1 }));
        XNamespace pdfaid = "http://www.aiim.org/pdfa/ns/id/";
        var xmp = Xmp(pdf);
        Assert.Equal("2", xmp.Descendants(pdfaid + "part").Single().Value);
        Assert.Equal("U", xmp.Descendants(pdfaid + "conformance").Single().Value);
        Assert.NotNull(Get(pdf, Catalog(pdf), "OutputIntents"));
        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        Assert.All(letters, l => Assert.False(string.IsNullOrEmpty(l.Value) || l.Value.Contains('\0') || l.Value.Contains('\uFFFD'), $"a glyph of {l.FontName} has no Unicode mapping"));
        var text = string.Concat(letters.Select(l => l.Value));
        Assert.Contains("中华人民共和国", text);
        Assert.Contains("马克龙", text);
    }

    [Fact]
    public void Words_in_another_script_are_marked_with_their_language_inside_their_element()
    {
        // An en-GB paragraph naming 中华人民共和国, 马克龙 and بشار الأسد: the Chinese and Arabic words are spans
        // with /Lang zh and ar nested in the paragraph's tagged content; the English words carry no span.
        using var pdf = PdfDocument.Open(Scripts.Value.Pdf);
        var spans = new List<(string Language, string Text, bool InTagged)>();
        void Visit(UglyToad.PdfPig.Content.MarkedContentElement element, bool inTagged)
        {
            if (element.Language is { } language)
                spans.Add((language, string.Concat(Letters(element).Select(l => l.Value)), inTagged));
            foreach (var child in element.Children)
                Visit(child, inTagged || element.MarkedContentIdentifier >= 0);
        }
        static IEnumerable<UglyToad.PdfPig.Content.Letter> Letters(UglyToad.PdfPig.Content.MarkedContentElement e) =>
            e.Letters.Concat(e.Children.SelectMany(Letters));
        foreach (var page in pdf.GetPages())
            foreach (var element in page.GetMarkedContents())
                Visit(element, false);

        Assert.All(spans, s => Assert.True(s.InTagged, $"the {s.Language} span \"{s.Text}\" is outside tagged content"));
        var chinese = string.Concat(spans.Where(s => s.Language == "zh").Select(s => s.Text));
        Assert.Contains("中华人民共和国", chinese);
        Assert.Contains("马克龙", chinese);
        var arabic = spans.Where(s => s.Language == "ar").Select(s => s.Text).ToList();
        Assert.NotEmpty(arabic);
        Assert.DoesNotContain(spans, s => s.Text.Any(char.IsAsciiLetter));
        Assert.Equal(["ar", "zh"], spans.Select(s => s.Language).Distinct().Order());
    }

    [Theory]
    [InlineData("中华", "en-GB", false, "zh")]
    [InlineData("中华", "zh-CN", false, null)]
    [InlineData("東京", "en", true, "ja")]
    [InlineData("（中国）", "en", false, "zh")]
    [InlineData("بشار", "en-GB", false, "ar")]
    [InlineData("서울", "en", false, "ko")]
    [InlineData("Лукашенко", "en", false, null)]
    [InlineData("Beijing", "fr", false, null)]
    [InlineData("2023", "en", false, null)]
    public void A_word_is_marked_with_the_language_its_script_tells_unless_the_document_is_in_it(string word, string document, bool kana, string? expected) =>
        Assert.Equal(expected, Briefings.Pdf.Text.ScriptLanguage.Marking(word, document, kana));

    [Fact]
    public void Each_page_is_its_body_then_a_numbered_layer_each_starting_from_the_default_graphics_state()
    {
        // The body is drawn as pages are laid out; the running header, page label and contents numbers are
        // drawn once all pages are known, as a second content stream. Streams of a page are one sequence to a
        // reader: each saves and restores the graphics state, so the second never inherits the first's
        // opacity, colour or line width.
        using var pdf = PdfDocument.Open(Brief.Value);
        foreach (var page in pdf.GetPages())
        {
            var contents = (ArrayToken)Get(pdf, page.Dictionary, "Contents")!;
            Assert.Equal(2, contents.Data.Count);
            var layers = contents.Data.Select(t =>
            {
                var stream = (StreamToken)Resolve(pdf, t)!;
                using var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(stream.Data.ToArray()), System.IO.Compression.CompressionMode.Decompress);
                using var text = new StreamReader(zlib, Encoding.Latin1);
                return text.ReadToEnd();
            }).ToList();
            foreach (var layer in layers)
            {
                Assert.StartsWith("q\n", layer);
                Assert.EndsWith("Q\n", layer);
            }
            Assert.Contains($"Page {page.Number} of {pdf.NumberOfPages}".Replace(" ", ""), string.Concat(page.Letters.Select(l => l.Value)).Replace(" ", ""));
        }
    }

    [Fact]
    public void The_plain_profile_claims_no_standard_but_stays_tagged()
    {
        using var pdf = PdfDocument.Open(Render(VisitBrief(tableRows: 5, sections: 1), options: new PdfOptions { Profile = PdfProfile.Plain }));
        var xmp = Xmp(pdf);
        Assert.DoesNotContain(xmp.Descendants(), e => e.Name.NamespaceName.Contains("aiim.org", StringComparison.Ordinal));
        Assert.Null(Get(pdf, Catalog(pdf), "OutputIntents"));
        Assert.Equal("Document", StructureTree(pdf).Role);
    }

    [Fact]
    public void Profiles_parse_combined_and_unknown_names_are_rejected()
    {
        Assert.Equal(PdfProfile.PdfA2b | PdfProfile.PdfUA1, PdfOptions.ParseProfile("pdfa-2b,pdfua-1"));
        Assert.Equal(PdfProfile.PdfA2u, PdfOptions.ParseProfile("PDFA-2U"));
        Assert.Equal(PdfProfile.Plain, PdfOptions.ParseProfile("plain"));
        var error = Assert.Throws<ArgumentException>(() => PdfOptions.ParseProfile("pdfa-3b"));
        Assert.Contains("pdfa-2b", error.Message);
        Assert.Throws<ArgumentException>(() => PdfOptions.ParseProfile("plain,pdfua-1"));
    }

    // ---- fonts and copy-out ----

    [Fact]
    public void Fonts_are_composite_with_truetype_or_cff_descendants_never_type3()
    {
        using var pdf = PdfDocument.Open(Scripts.Value.Pdf);
        var subtypes = new HashSet<string>();
        foreach (var page in pdf.GetPages())
        {
            var resources = Dict(pdf, page.Dictionary, "Resources");
            if (Get(pdf, resources, "Font") is not DictionaryToken fonts)
                continue;
            foreach (var reference in fonts.Data.Values)
            {
                var font = (DictionaryToken)Resolve(pdf, reference)!;
                Assert.Equal("Type0", Name(pdf, font, "Subtype"));
                Assert.NotNull(Get(pdf, font, "ToUnicode"));
                var descendant = (DictionaryToken)Resolve(pdf, ((ArrayToken)Get(pdf, font, "DescendantFonts")!).Data.Single())!;
                var subtype = Name(pdf, descendant, "Subtype")!;
                subtypes.Add(subtype);
                var descriptor = Dict(pdf, descendant, "FontDescriptor");
                if (subtype == "CIDFontType0")
                    Assert.Contains(Name(pdf, ((StreamToken)Get(pdf, descriptor, "FontFile3")!).StreamDictionary, "Subtype"), new[] { "CIDFontType0C", "OpenType" });
                else
                    Assert.NotNull(Get(pdf, descriptor, "FontFile2"));
            }
        }
        Assert.Equal(["CIDFontType0", "CIDFontType2"], subtypes.Order());
        Assert.DoesNotContain("/Type3", Encoding.Latin1.GetString(Scripts.Value.Pdf));
    }

    [Fact]
    public void Every_glyph_drawn_maps_to_unicode()
    {
        // PDF/UA-1 (7.21.7) and PDF/A-2u: every code drawn has a Unicode mapping, in every script.
        foreach (var bytes in new[] { Scripts.Value.Pdf, Brief.Value })
        {
            using var pdf = PdfDocument.Open(bytes);
            foreach (var page in pdf.GetPages())
                Assert.All(page.Letters, l => Assert.False(string.IsNullOrEmpty(l.Value) || l.Value.Contains('\0'), $"page {page.Number}: a glyph of {l.FontName} has no Unicode mapping"));
        }
    }

    [ToolFact("pdftotext", "poppler-utils")]
    public void Pdftotext_copies_out_chinese_arabic_and_a_name_broken_at_its_hyphen_as_the_record_says()
    {
        var path = Path.Combine(Path.GetTempPath(), $"briefings-copy-out-{Environment.ProcessId}.pdf");
        File.WriteAllBytes(path, Scripts.Value.Pdf);
        try
        {
            var (exit, output) = Tools.Run("pdftotext", "-enc", "UTF-8", path, "-");
            Assert.Equal(0, exit);
            // Lines are joined with spaces (pdftotext breaks lines where the page does).
            string text = Regex.Replace(output, @"\s+", " ");
            Assert.Contains("中华人民共和国", text);
            Assert.Contains("马克龙", text);
            Assert.Contains("بشار الأسد", text);
            Assert.Contains("Kassym-Jomart", text);
            Assert.DoesNotContain("KassymJomart", text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Rendering_a_pack_with_cff_and_arabic_text_twice_gives_identical_bytes()
    {
        var document = new Document(Metadata("Names in every script"), [H(1, "s", "Summary"), P(T(Names))], []);
        Assert.Equal(Render(document, CffTheme), Render(document, CffTheme));
    }

    [ToolFact("qpdf", "qpdf")]
    public void Qpdf_finds_no_problem_in_the_file()
    {
        foreach (var (name, bytes) in new[] { ("brief", Brief.Value), ("scripts", Scripts.Value.Pdf) })
        {
            var path = Path.Combine(Path.GetTempPath(), $"briefings-qpdf-{name}-{Environment.ProcessId}.pdf");
            File.WriteAllBytes(path, bytes);
            try
            {
                var (exit, output) = Tools.Run("qpdf", "--check", path);
                Assert.True(exit == 0, output);
                Assert.Contains("No syntax or stream encoding errors", output);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public void A_collection_face_is_chosen_by_its_family_name()
    {
        var data = File.ReadAllBytes(FixturePaths.CjkCollection);
        Assert.Equal(1, Fonts.FontSet.FaceFor(data, 0, "Noto Sans CJK SC"));
        Assert.Equal(0, Fonts.FontSet.FaceFor(data, 1, "Noto Sans CJK JP"));
        Assert.Equal(1, Fonts.FontSet.FaceFor(data, 1, "Noto Sans CJK SC"));
    }
}
