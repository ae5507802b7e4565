using System.Globalization;
using System.Security;
using System.Text;
using Briefings.Documents;
using SkiaSharp;

namespace Briefings.Pdf.Serialization;

/// <summary>A link annotation: a rectangle on the page (layout coordinates) that opens a URI or goes to a named destination.</summary>
internal sealed record PdfAnnotation(SKRect Rect, string? Uri, string? Destination, StructureElement Link);

/// <summary>
/// A page being written: its content, annotations and the structure element of each MCID. A page's content
/// comes in layers, each its own content stream drawn over the ones before: the body as the page is laid
/// out, then what needs numbers known only when all pages are laid out (running header, page numbers,
/// contents entries' numbers).
/// </summary>
internal sealed class PdfPage(int index, int objectNumber, int structParents, float width, float height)
{
    public int Index { get; } = index;
    public int ObjectNumber { get; } = objectNumber;
    /// <summary>The page's key in the structure parent tree.</summary>
    public int StructParents { get; } = structParents;
    public float Width { get; } = width;
    public float Height { get; } = height;
    /// <summary>The content stream of the layer being drawn (the last one opened).</summary>
    public ContentBuilder Content { get; private set; } = null!;
    public List<PdfAnnotation> Annotations { get; } = [];
    /// <summary>The content streams of the layers written so far, in drawing order.</summary>
    public List<int> Streams { get; } = [];
    /// <summary>Fonts and opacities of the layers written so far (the page's resources).</summary>
    public HashSet<PdfFont> Fonts { get; } = [];
    public SortedSet<byte> Alphas { get; } = [];
    /// <summary>The page object is written: nothing more can be drawn on it.</summary>
    public bool Written { get; set; }

    /// <summary>
    /// Starts a new layer drawn over the page's earlier ones, into buffer (emptied). Each layer saves and
    /// restores the graphics state, so the next starts from the defaults whatever this one leaves set.
    /// </summary>
    public void OpenLayer(PdfBuffer buffer)
    {
        buffer.Clear();
        Content = new ContentBuilder(Height, buffer);
        buffer.Ascii("q\n");
    }

    /// <summary>Ends the layer being drawn: closes what its content has open and restores the graphics state; returns its bytes.</summary>
    public ReadOnlySpan<byte> FinishLayer()
    {
        Content.Finish();
        return Content.Buffer.Ascii("Q\n").Span;
    }

    /// <summary>The layer finished last is written as stream: its resources join the page's.</summary>
    public void CloseLayer(int stream)
    {
        Streams.Add(stream);
        Fonts.UnionWith(Content.Fonts);
        Alphas.UnionWith(Content.Alphas);
    }
    public List<StructureElement> Mcids { get; } = [];

    /// <summary>The next marked-content id of the page, owned by element.</summary>
    public int NextMcid(StructureElement element)
    {
        Mcids.Add(element);
        return Mcids.Count - 1;
    }
}

/// <summary>One bookmark: heading level, title, page (1-based) and distance of its top from the page top.</summary>
internal sealed record OutlineEntry(int Level, string Title, int Page, float Top);

/// <summary>What the document information dictionary and the XMP metadata say.</summary>
internal sealed record PdfInfo(string Title, string? Author, string? Subject, IReadOnlyList<string> Keywords, string Language, DateOnly? Date);

/// <summary>
/// The whole PDF file, written in one pass as pages are drawn: each layer's content stream (Flate) as the
/// layer ends, each page object once its last layer is drawn, then fonts (subsets of the glyphs drawn), the structure tree, named
/// destinations, outline, metadata, output intent and catalog, then the cross-reference table. Nothing is
/// read back or appended afterwards.
/// </summary>
internal sealed class PdfDocumentSerializer : IDisposable
{
    private readonly PdfFileWriter file;
    private readonly int pagesRoot;
    private readonly List<PdfPage> pages = [];
    private readonly Dictionary<string, (int Page, float X, float Y)> destinations = new(StringComparer.Ordinal);
    /// <summary>By StructParent(s) key: a page's MCID owners, or an annotation's Link element.</summary>
    private readonly List<object> parentTree = [];
    private readonly Dictionary<FontFaceKey, PdfFont> fonts = [];
    private readonly PdfBuffer contentBuffer = new(1 << 16);
    private readonly int contentCompressionLevel;
    /// <summary>The page whose layer is being drawn (layers share one buffer, so one is open at a time).</summary>
    private PdfPage? drawing;

    private readonly record struct FontFaceKey(int Id);

    /// <param name="profile">The PDF profile (PDF/A, PDF/UA) the file declares.</param>
    /// <param name="compressionLevel">zlib level of fonts, object streams and other data.</param>
    /// <param name="contentCompressionLevel">zlib level of the pages' content streams (most of the bytes to compress).</param>
    public PdfDocumentSerializer(PdfProfile profile, int compressionLevel, int contentCompressionLevel)
    {
        Profile = profile;
        this.contentCompressionLevel = contentCompressionLevel;
        file = new PdfFileWriter(compressionLevel);
        pagesRoot = file.Reserve();
    }

    public PdfProfile Profile { get; }
    /// <summary>The document's language (BCP 47): words in another script are marked with theirs.</summary>
    public string? Language { get; init; }

    /// <summary>Gives the file's and the pages' buffers back to the pool (after <see cref="Finish"/>, or on failure).</summary>
    public void Dispose()
    {
        file.Dispose();
        contentBuffer.Dispose();
    }
    /// <summary>Where a link annotation drawn outside any structure element is tagged (the document element).</summary>
    public StructureElement FallbackParent { get; set; } = new(StructureRoles.Document, null);
    public int PageCount => pages.Count;

    /// <summary>The PDF font for a face (its object is reserved now and written when the document finishes).</summary>
    public PdfFont Font(Fonts.FontFace face)
    {
        var key = new FontFaceKey(face.Id);
        if (!fonts.TryGetValue(key, out var font))
            fonts[key] = font = new PdfFont(face, "F" + (fonts.Count + 1).ToString(CultureInfo.InvariantCulture), file.Reserve());
        return font;
    }

    public PdfPage BeginPage(float width, float height)
    {
        ThrowIfLayerOpen();
        var page = new PdfPage(pages.Count, file.Reserve(), parentTree.Count, width, height);
        page.OpenLayer(contentBuffer);
        parentTree.Add(page.Mcids);
        pages.Add(page);
        drawing = page;
        return page;
    }

    /// <summary>A named destination at (x, y) (layout coordinates) on page: the first definition of a name wins.</summary>
    public void Destination(PdfPage page, string name, float x, float y) =>
        destinations.TryAdd(name, (page.ObjectNumber, x, page.Height - y));

    private void ThrowIfLayerOpen()
    {
        if (drawing is not null)
            throw new InvalidOperationException($"Page {drawing.Index + 1} is still being drawn.");
    }

    /// <summary>Writes the content stream of the page's layer being drawn; the page can take another layer until <see cref="EndPage"/>.</summary>
    public void EndLayer(PdfPage page)
    {
        if (drawing != page)
            return;
        page.CloseLayer(file.WriteStream(page.FinishLayer(), null, level: contentCompressionLevel));
        drawing = null;
    }

    /// <summary>Opens a new layer over an ended layer of page: content drawn now is painted over what the page has.</summary>
    public void BeginLayer(PdfPage page)
    {
        ThrowIfLayerOpen();
        if (page.Written)
            throw new InvalidOperationException($"Page {page.Index + 1} is already written.");
        page.OpenLayer(contentBuffer);
        drawing = page;
    }

    /// <summary>Writes the open layer, the page's annotations and the page object: the page is complete.</summary>
    public void EndPage(PdfPage page)
    {
        EndLayer(page);
        page.Written = true;

        var annotations = new List<int>();
        foreach (var annotation in page.Annotations)
        {
            int key = parentTree.Count;
            parentTree.Add(annotation.Link);
            int number = file.Reserve();
            annotation.Link.Add(new AnnotationReference(page.ObjectNumber, number));
            var r = annotation.Rect;
            file.Write(number, o =>
            {
                o.Ascii("<</Type/Annot/Subtype/Link/Rect[").Number(r.Left).Byte((byte)' ').Number(page.Height - r.Bottom).Byte((byte)' ')
                    .Number(r.Right).Byte((byte)' ').Number(page.Height - r.Top).Ascii("]/Border[0 0 0]/F 4/P ").Int(page.ObjectNumber)
                    .Ascii(" 0 R/StructParent ").Int(key).Ascii("/Contents").Text(Description(annotation));
                if (annotation.Uri is not null)
                    o.Ascii("/A<</S/URI/URI").Literal(AsciiUri(annotation.Uri)).Ascii(">>");
                else
                    o.Ascii("/A<</S/GoTo/D").Text(annotation.Destination!).Ascii(">>");
                o.Ascii(">>");
            });
            annotations.Add(number);
        }

        file.Write(page.ObjectNumber, o =>
        {
            o.Ascii("<</Type/Page/Parent ").Int(pagesRoot).Ascii(" 0 R/MediaBox[0 0 ").Number(page.Width).Byte((byte)' ').Number(page.Height)
                .Ascii("]/Contents");
            if (page.Streams.Count == 1)
                o.Byte((byte)' ').Int(page.Streams[0]).Ascii(" 0 R");
            else
            {
                o.Byte((byte)'[');
                foreach (var stream in page.Streams)
                    o.Int(stream).Ascii(" 0 R ");
                o.Byte((byte)']');
            }
            o.Ascii("/StructParents ").Int(page.StructParents).Ascii("/Resources<<");
            if (page.Fonts.Count > 0)
            {
                o.Ascii("/Font<<");
                foreach (var font in page.Fonts.OrderBy(f => f.ObjectNumber))
                    o.Byte((byte)'/').Ascii(font.ResourceName).Byte((byte)' ').Int(font.ObjectNumber).Ascii(" 0 R");
                o.Ascii(">>");
            }
            if (page.Alphas.Count > 0)
            {
                o.Ascii("/ExtGState<<");
                foreach (var alpha in page.Alphas)
                    o.Ascii("/GA").Int(alpha).Ascii("<</ca ").Number(alpha / 255.0, 3).Ascii("/CA ").Number(alpha / 255.0, 3).Ascii(">>");
                o.Ascii(">>");
            }
            o.Ascii(">>");
            if (page.Alphas.Count > 0)
                o.Ascii("/Group<</Type/Group/S/Transparency/CS/DeviceRGB>>");
            if (annotations.Count > 0)
            {
                o.Ascii("/Tabs/S/Annots[");
                foreach (var number in annotations)
                    o.Int(number).Ascii(" 0 R ");
                o.Ascii("]");
            }
            o.Ascii(">>");
        });
    }

    /// <summary>A link's description (PDF/UA asks for one on every link annotation): its text, and where it goes.</summary>
    private static string Description(PdfAnnotation annotation)
    {
        string text = annotation.Link.Alt ?? annotation.Link.DrawnText?.ToString().Trim() ?? "";
        if (annotation.Uri is not null)
            return text.Length == 0 ? annotation.Uri : $"{text} ({annotation.Uri})";
        return text.Length == 0 ? "Go to " + annotation.Destination : text;
    }

    /// <summary>URIs are 7-bit: anything else is percent-encoded as UTF-8.</summary>
    private static string AsciiUri(string uri)
    {
        var result = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(uri))
            result.Append(b is >= 0x21 and < 0x7F ? ((char)b).ToString() : "%" + b.ToString("X2", CultureInfo.InvariantCulture));
        return result.ToString();
    }

    /// <summary>
    /// Writes everything that follows the pages and returns the finished file: the serializer's own bytes,
    /// valid until it is disposed.
    /// </summary>
    public ReadOnlyMemory<byte> Finish(PdfInfo info, StructureElement structureRoot, IReadOnlyList<OutlineEntry> outline)
    {
        ThrowIfLayerOpen();
        if (pages.FirstOrDefault(p => !p.Written) is { } unwritten)
            throw new InvalidOperationException($"Page {unwritten.Index + 1} was never ended.");
        foreach (var font in fonts.Values.OrderBy(f => f.ObjectNumber))
            font.Embed(file);

        file.Write(pagesRoot, o =>
        {
            o.Ascii("<</Type/Pages/Count ").Int(pages.Count).Ascii("/Kids[");
            foreach (var page in pages)
                o.Int(page.ObjectNumber).Ascii(" 0 R ");
            o.Ascii("]>>");
        });

        int structTree = StructureTreeWriter.Write(file, structureRoot, parentTree);

        int? names = null;
        if (destinations.Count > 0)
        {
            // A name tree's keys are sorted by their bytes; one leaf holds them all.
            names = file.Write(o =>
            {
                o.Ascii("<</Dests<</Names[");
                foreach (var (name, at) in destinations.OrderBy(d => d.Key, StringComparer.Ordinal))
                    o.Text(name).Byte((byte)'[').Int(at.Page).Ascii(" 0 R/XYZ ").Number(at.X).Byte((byte)' ').Number(at.Y).Ascii(" null]\n");
                o.Ascii("]>>>>");
            });
        }

        int? outlines = outline.Count > 0 && pages.Count > 0 ? WriteOutline(outline) : null;
        int metadata = WriteMetadata(info);
        int? outputIntent = (Profile & (PdfProfile.PdfA2b | PdfProfile.PdfA2u)) != 0 ? WriteOutputIntent() : null;

        string? date = info.Date is { } d ? d.ToString("'D:'yyyyMMdd'000000Z'", CultureInfo.InvariantCulture) : null;
        int infoObject = file.Write(o =>
        {
            o.Ascii("<</Title").Text(info.Title);
            if (!string.IsNullOrEmpty(info.Author)) o.Ascii("/Author").Text(info.Author);
            if (!string.IsNullOrEmpty(info.Subject)) o.Ascii("/Subject").Text(info.Subject);
            if (info.Keywords.Count > 0) o.Ascii("/Keywords").Text(string.Join(", ", info.Keywords));
            o.Ascii("/Creator").Text(Creator).Ascii("/Producer").Text(Producer);
            if (date is not null) o.Ascii("/CreationDate").Literal(date).Ascii("/ModDate").Literal(date);
            o.Ascii(">>");
        });

        int catalog = file.Write(o =>
        {
            o.Ascii("<</Type/Catalog/Pages ").Int(pagesRoot).Ascii(" 0 R/Metadata ").Int(metadata).Ascii(" 0 R/StructTreeRoot ").Int(structTree)
                .Ascii(" 0 R/MarkInfo<</Marked true>>/Lang").Text(info.Language).Ascii("/ViewerPreferences<</DisplayDocTitle true>>");
            if (names is { } n) o.Ascii("/Names ").Int(n).Ascii(" 0 R");
            if (outlines is { } ol) o.Ascii("/Outlines ").Int(ol).Ascii(" 0 R/PageMode/UseOutlines");
            if (outputIntent is { } oi) o.Ascii("/OutputIntents[").Int(oi).Ascii(" 0 R]");
            o.Ascii(">>");
        });
        return file.FinishFile(catalog, infoObject);
    }

    private const string Creator = "Briefings";
    private const string Producer = "Briefings PDF writer";

    // The sRGB profile, read from the assembly once per process.
    private static byte[]? srgbProfile;

    private static byte[] SrgbProfile()
    {
        if (srgbProfile is { } known)
            return known;
        using var stream = typeof(PdfDocumentSerializer).Assembly.GetManifestResourceStream("Briefings.Pdf.Serialization.Icc.sRGB.icc")
            ?? throw new DocumentWriteException(DocumentCodes.PdfInternal, "The sRGB colour profile is missing from the PDF writer.");
        var icc = new byte[stream.Length];
        stream.ReadExactly(icc);
        return srgbProfile = icc;
    }

    private int WriteOutputIntent()
    {
        int profile = file.WriteStream(SrgbProfile(), o => o.Ascii("/N 3"));
        return file.Write(o => o.Ascii("<</Type/OutputIntent/S/GTS_PDFA1/OutputConditionIdentifier(sRGB IEC61966-2.1)/RegistryName(http://www.color.org)/Info(sRGB IEC61966-2.1)/DestOutputProfile ")
            .Int(profile).Ascii(" 0 R>>"));
    }

    private int WriteMetadata(PdfInfo info)
    {
        static string X(string text) => SecurityElement.Escape(text) ?? "";
        string? date = info.Date is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z" : null;
        var x = new StringBuilder();
        x.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        x.Append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"");
        bool archival = (Profile & (PdfProfile.PdfA2b | PdfProfile.PdfA2u)) != 0;
        bool accessible = (Profile & PdfProfile.PdfUA1) != 0;
        if (archival) x.Append(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"");
        if (accessible) x.Append(" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"");
        x.Append(">\n<dc:format>application/pdf</dc:format>\n");
        x.Append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(X(info.Title)).Append("</rdf:li></rdf:Alt></dc:title>\n");
        if (!string.IsNullOrEmpty(info.Author))
            x.Append("<dc:creator><rdf:Seq><rdf:li>").Append(X(info.Author)).Append("</rdf:li></rdf:Seq></dc:creator>\n");
        if (!string.IsNullOrEmpty(info.Subject))
            x.Append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(X(info.Subject)).Append("</rdf:li></rdf:Alt></dc:description>\n");
        x.Append("<dc:language><rdf:Bag><rdf:li>").Append(X(info.Language)).Append("</rdf:li></rdf:Bag></dc:language>\n");
        if (info.Keywords.Count > 0)
            x.Append("<pdf:Keywords>").Append(X(string.Join(", ", info.Keywords))).Append("</pdf:Keywords>\n");
        x.Append("<pdf:Producer>").Append(Producer).Append("</pdf:Producer>\n<xmp:CreatorTool>").Append(Creator).Append("</xmp:CreatorTool>\n");
        if (date is not null)
            x.Append("<xmp:CreateDate>").Append(date).Append("</xmp:CreateDate>\n<xmp:ModifyDate>").Append(date).Append("</xmp:ModifyDate>\n<xmp:MetadataDate>").Append(date).Append("</xmp:MetadataDate>\n");
        if (archival)
            x.Append("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>").Append((Profile & PdfProfile.PdfA2u) != 0 ? "U" : "B").Append("</pdfaid:conformance>\n");
        if (accessible)
            x.Append("<pdfuaid:part>1</pdfuaid:part>\n");
        x.Append("</rdf:Description>\n");
        if (archival && accessible)
        {
            // PDF/A allows only predefined XMP schemas or those described by an extension schema: pdfuaid is described here.
            x.Append("<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n")
                .Append("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n")
                .Append("<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n")
                .Append("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n")
                .Append("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n")
                .Append("<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n")
                .Append("<pdfaProperty:name>part</pdfaProperty:name>\n<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n")
                .Append("<pdfaProperty:category>internal</pdfaProperty:category>\n")
                .Append("<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n")
                .Append("</rdf:li></rdf:Seq></pdfaSchema:property>\n</rdf:li></rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n");
        }
        x.Append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        // Left uncompressed so that archive tools can find it without a PDF parser.
        return file.WriteStream(Encoding.UTF8.GetBytes(x.ToString()), o => o.Ascii("/Type/Metadata/Subtype/XML"), compress: false);
    }

    private int WriteOutline(IReadOnlyList<OutlineEntry> entries)
    {
        int count = entries.Count;
        int root = file.Reserve();
        var numbers = Enumerable.Range(0, count).Select(_ => file.Reserve()).ToArray();
        // Nest by heading level (a level-3 heading under a level-1 one nests directly under it).
        var parent = new int[count];
        var stack = new Stack<int>();
        for (int i = 0; i < count; i++)
        {
            while (stack.Count > 0 && entries[stack.Peek()].Level >= entries[i].Level)
                stack.Pop();
            parent[i] = stack.Count > 0 ? stack.Peek() : -1;
            stack.Push(i);
        }
        var children = Enumerable.Range(-1, count + 1).ToDictionary(i => i, _ => new List<int>());
        for (int i = 0; i < count; i++)
            children[parent[i]].Add(i);
        var descendants = new int[count];
        for (int i = count - 1; i >= 0; i--)
            descendants[i] = children[i].Sum(c => 1 + descendants[c]);

        for (int i = 0; i < count; i++)
        {
            var siblings = children[parent[i]];
            int index = siblings.IndexOf(i);
            var entry = entries[i];
            var page = pages[Math.Clamp(entry.Page - 1, 0, pages.Count - 1)];
            file.Write(numbers[i], o =>
            {
                o.Ascii("<</Title").Text(entry.Title).Ascii("/Parent ").Int(parent[i] < 0 ? root : numbers[parent[i]]).Ascii(" 0 R");
                if (index > 0) o.Ascii("/Prev ").Int(numbers[siblings[index - 1]]).Ascii(" 0 R");
                if (index < siblings.Count - 1) o.Ascii("/Next ").Int(numbers[siblings[index + 1]]).Ascii(" 0 R");
                if (children[i].Count > 0)
                    o.Ascii("/First ").Int(numbers[children[i][0]]).Ascii(" 0 R/Last ").Int(numbers[children[i][^1]]).Ascii(" 0 R/Count ").Int(descendants[i]);
                o.Ascii("/Dest[").Int(page.ObjectNumber).Ascii(" 0 R/XYZ 0 ").Number(page.Height - entry.Top + 4).Ascii(" null]>>");
            });
        }
        var top = children[-1];
        file.Write(root, o => o.Ascii("<</Type/Outlines/First ").Int(numbers[top[0]]).Ascii(" 0 R/Last ").Int(numbers[top[^1]]).Ascii(" 0 R/Count ").Int(count).Ascii(">>"));
        return root;
    }
}
