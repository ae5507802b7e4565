using Briefings.Documents;
using Briefings.Docx.Body;
using Briefings.Docx.Furniture;
using Briefings.Docx.Notes;
using Briefings.Docx.Packaging;
using Briefings.Docx.Styles;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.IO;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx;

/// <summary>
/// Writes the document tree as an editable Word document: real styles, numbering, header and footer
/// fields, bookmarks, a filled table of contents and footnotes. The same tree and theme always give the
/// same bytes. Nothing is written to the output stream unless the whole document could be rendered.
/// </summary>
public sealed class DocxDocumentWriter : IDocumentWriter
{
    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    /// <inheritdoc/>
    public string Format => "docx";

    /// <summary>
    /// The package is built, then re-written, in memory: in streams of pooled 64 KiB blocks, not in arrays that
    /// double as they grow. A document's package is hundreds of KB, so each doubling was a new array on the large
    /// object heap; a batch of a thousand packs left that heap fragmented, and the process's memory grew with the
    /// number of packs. At most 4 MiB of free blocks are kept for the next document.
    /// </summary>
    internal static readonly RecyclableMemoryStreamManager Buffers = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 64 << 10,
        MaximumSmallPoolFreeBytes = 4 << 20,
        MaximumLargePoolFreeBytes = 4 << 20,
    });

    /// <inheritdoc/>
    public void Write(Document document, Theme theme, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentNullException.ThrowIfNull(output);

        // The shared checks first: a bad theme stops here; tree problems are reported together with the
        // Word writer's own (characters a Word document cannot hold), so every problem is named at once.
        var themeProblems = DocumentChecks.ThemeProblems(theme).ToList();
        if (themeProblems.Count > 0)
            throw DocumentChecks.Failure(document, "Word", themeProblems);
        var treeProblems = DocumentChecks.TreeProblems(document).ToList();

        using var package = Buffers.GetStream("docx package");
        WriteContext context;
        using (var word = WordprocessingDocument.Create(package, WordprocessingDocumentType.Document))
        {
            // Parts are stored uncompressed here: the package is rewritten (and compressed once) by ZipNormaliser.
            word.CompressionOption = System.IO.Packaging.CompressionOption.NotCompressed;
            // The Word writer's own problems, less those the shared checks named already.
            context = Compose(word, document, theme);
            var own = context.Problems
                .Where(p => !treeProblems.Any(t => t.Message == p))
                .Select(p => Diagnostic.Error(DocumentCodes.DocxContent, p));
            var problems = treeProblems.Concat(own).ToList();
            if (problems.Count > 0)
                throw DocumentChecks.Failure(document, "Word", problems);
        }

        var stamp = document.Metadata.Date is { } date
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : ZipNormaliser.ZipEpoch;
        using var normalised = Buffers.GetStream("docx");
        ZipNormaliser.Rewrite(package, normalised, stamp, context.Media);
        normalised.Position = 0;
        normalised.CopyTo(output);
    }

    /// <inheritdoc/>
    public void Prepare(Theme? theme) => WriterPreparation.Prepare(theme);

    /// <summary>
    /// Adds every part, with fixed relationship ids (the SDK would otherwise invent random ones). The context returned
    /// holds the writer's problems and the bytes of the parts added empty (<see cref="WriteContext.Media"/>).
    /// </summary>
    private static WriteContext Compose(WordprocessingDocument word, Document document, Theme theme)
    {
        var main = word.AddNewPart<MainDocumentPart>(MainContentType, "rIdDocument");
        var context = new WriteContext(document, theme, main);
        var inlines = new InlineWriter(context);
        var blocks = new BlockWriter(context, inlines);

        main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = StylesBuilder.Build(theme, Typography.Locale(document.Metadata.Language), CalloutKinds(document));
        main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = PackageParts.Settings(Typography.Locale(document.Metadata.Language), updateFieldsOnOpen: document.Blocks.Descendants().OfType<TableOfContents>().Any());
        main.AddNewPart<FontTablePart>("rIdFontTable").Fonts = PackageParts.FontTable(theme.Fonts);

        var body = new W.Body();
        body.Append(new CoverWriter(context, inlines).Write());
        var content = blocks.Write(document.Blocks, BlockScope.Body(context.TextWidth));
        SectionEnds.Keep(content, theme, context.TextWidth);
        body.Append(content);
        // Word expects the body to end with a paragraph, never directly with a table.
        if (body.LastChild is not W.Paragraph)
            body.Append(new W.Paragraph());
        body.Append(new PageFurniture(context, inlines).Build(hasCover: theme.Cover.Enabled));
        main.Document = new W.Document(body);

        var footnotesPart = main.AddNewPart<FootnotesPart>("rIdFootnotes");
        context.LinkPart = footnotesPart;
        footnotesPart.Footnotes = new FootnotesWriter(context, blocks).Build();
        context.LinkPart = main;

        if (!context.Numbering.IsEmpty)
            main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering").Numbering = context.Numbering.Build(theme.Colours.Accent);

        EmbedFonts(main, document, theme);

        PackageParts.WriteCoreProperties(word.AddNewPart<CoreFilePropertiesPart>("rIdCore"), document.Metadata);
        word.AddNewPart<ExtendedFilePropertiesPart>("rIdApp").Properties = PackageParts.AppProperties();
        if (PackageParts.CustomProperties(document.Metadata) is { } custom)
            word.AddNewPart<CustomFilePropertiesPart>("rIdCustom").Properties = custom;
        return context;
    }

    /// <summary>The kinds of every call-out in the body and the notes, in order of first use: each gets its styles.</summary>
    private static IEnumerable<string> CalloutKinds(Document document) =>
        document.Blocks.Concat(document.Footnotes.SelectMany(f => f.Blocks)).Descendants().OfType<Callout>()
            .Select(c => c.Kind).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Embeds the bundled faces the document uses, cut to the characters of every part written, names them
    /// in the font table and tells Word (settings) that the file carries its TrueType fonts.
    /// </summary>
    private static void EmbedFonts(MainDocumentPart main, Document document, Theme theme)
    {
        var faces = EmbeddedFonts.FacesUsed(document, theme.Fonts);
        if (faces.Count == 0)
            return;
        var roots = new List<DocumentFormat.OpenXml.OpenXmlElement?> { main.Document, main.FootnotesPart?.Footnotes };
        roots.AddRange(main.HeaderParts.Select(h => h.Header));
        roots.AddRange(main.FooterParts.Select(f => f.Footer));
        var text = string.Concat(roots.OfType<DocumentFormat.OpenXml.OpenXmlElement>()
            .SelectMany(r => r.Descendants<W.Text>()).Select(t => t.Text))
            // List bullets are level text in the numbering part, drawn in the paragraph's font.
            + string.Concat(main.NumberingDefinitionsPart?.Numbering?.Descendants<W.LevelText>().Select(l => l.Val?.Value) ?? []);
        var fontTable = main.FontTablePart!;
        var embeds = EmbeddedFonts.Embed(fontTable, faces, text);
        foreach (var font in fontTable.Fonts!.Elements<W.Font>())
            if (font.Name?.Value is { } name && embeds.TryGetValue(name, out var list))
                font.Append(list.Select(e => e.Element));
        var settings = main.DocumentSettingsPart!.Settings!;
        var zoom = settings.GetFirstChild<W.Zoom>();
        settings.InsertAfter(new W.SaveSubsetFonts(), zoom);
        settings.InsertAfter(new W.EmbedTrueTypeFonts(), zoom);
    }

}
