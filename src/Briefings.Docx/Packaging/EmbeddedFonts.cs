using System.Security.Cryptography;
using System.Text;
using Briefings.Documents;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx.Packaging;

/// <summary>
/// The bundled fonts the document uses travel inside the .docx, as Word embeds fonts: each face cut down to
/// the characters the document holds (HarfBuzz's hb-subset, keeping the layout tables Word shapes with),
/// obfuscated as ECMA-376 Part 1 §17.8.1 prescribes (the first 32 bytes XORed with the font key, a GUID),
/// stored as an obfuscated-font part of the font table and named by w:embedRegular/Bold/Italic/BoldItalic
/// with its w:fontKey. Keys are derived from the family and face, so identical documents give identical files.
/// </summary>
internal static class EmbeddedFonts
{
    /// <summary>A face a family needs embedded: which w:embed* element, and whether bold/italic.</summary>
    public readonly record struct Face(string Family, bool Bold, bool Italic);

    /// <summary>
    /// The faces of the theme's families the document uses: body, heading and code families in the faces its
    /// styles and emphasis call for: bold terms of key–value lists, table header rows, level-1 contents entries
    /// and bullets; italic quotes and captions; emphasis and strong text within them. Families that are not bundled
    /// are left to the reader's machine.
    /// </summary>
    public static List<Face> FacesUsed(Document document, FontTheme fonts)
    {
        var styles = new HashSet<(bool Bold, bool Italic)>();
        var hasCode = false;
        var hasArabic = false;
        void Walk(IEnumerable<Inline> content, bool bold, bool italic)
        {
            foreach (var inline in content)
            {
                switch (inline)
                {
                    case Emphasis e: Walk(e.Content, bold, true); break;
                    case Strong s: Walk(s.Content, true, italic); break;
                    case Link l: Walk(l.Content, bold, italic); break;
                    case Code: hasCode = true; break;
                    case Text t:
                        if (t.Value.Any(Body.InlineWriter.IsArabic))
                            hasArabic = true;
                        if (!string.IsNullOrWhiteSpace(t.Value))
                            styles.Add((bold, italic));
                        break;
                }
            }
        }
        // The faces the writer's styles give each block's text (Styles.StylesBuilder).
        void WalkBlocks(IEnumerable<Block> blocks, bool italic)
        {
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case Paragraph p: Walk(p.Content, false, italic); break;
                    case Heading h: Walk(h.Content, false, false); break;
                    // Bullets are bold (ListNumbering).
                    case ListBlock list:
                        if (!list.Ordered && list.Items.Count > 0)
                            styles.Add((true, false));
                        WalkBlocks(list.Items.SelectMany(i => i.Blocks), italic);
                        break;
                    case Callout callout: WalkBlocks(callout.Blocks, italic); break;
                    // Quote text is italic; its attribution is not.
                    case Quote quote:
                        WalkBlocks(quote.Blocks, true);
                        if (quote.Attribution is { } attribution)
                            Walk(attribution, false, false);
                        break;
                    case DefinitionList definitions:
                        foreach (var item in definitions.Items)
                        {
                            Walk(item.Term, true, false);
                            WalkBlocks(item.Definition, italic);
                        }
                        break;
                    case Table table:
                        foreach (var cell in table.HeaderRows.SelectMany(r => r.Cells))
                            Walk(cell.Content, true, false);
                        foreach (var cell in table.BodyRows.SelectMany(r => r.Cells))
                            Walk(cell.Content, false, false);
                        break;
                    case Figure { Caption: { } caption } when !string.IsNullOrWhiteSpace(caption):
                        styles.Add((false, true));
                        break;
                    case TableOfContents when document.Headings().Any(h => h.Level == 1):
                        styles.Add((true, false));
                        break;
                }
            }
        }
        WalkBlocks(document.Blocks, false);
        foreach (var footnote in document.Footnotes)
            WalkBlocks(footnote.Blocks, false);
        var faces = new List<Face>
        {
            new(fonts.Body, false, false),
            // Headings, the cover title, table headers and contents level 1 are bold in the heading family.
            new(fonts.Heading, false, false),
            new(fonts.Heading, true, false),
        };
        faces.AddRange(styles.Select(s => new Face(fonts.Body, s.Bold, s.Italic)));
        if (hasCode)
            faces.Add(new Face(fonts.Mono, false, false));
        // Right-to-left runs take the complex-script font (regular, and bold in headings).
        if (hasArabic || document.Metadata.Title.Any(Body.InlineWriter.IsArabic))
        {
            faces.Add(new Face(Styles.StylesBuilder.ComplexScriptFont, false, false));
            faces.Add(new Face(Styles.StylesBuilder.ComplexScriptFont, true, false));
        }
        return faces
            .Where(f => BundledFonts.File(f.Family, f.Bold, f.Italic) is not null)
            .Distinct()
            .ToList();
    }

    /// <summary>Adds the font parts and returns the w:embed* elements for each family, in schema order.</summary>
    public static Dictionary<string, List<OpenXmlElementPair>> Embed(FontTablePart fontTable, IEnumerable<Face> faces, string usedText)
    {
        // Whole blocks of 128 code points around the characters used (printable ASCII always, so an editor can
        // type a few words): the subsets are then the same for most documents and made once per process — a batch
        // would otherwise run the subsetter for every face of every pack.
        var blocks = usedText.EnumerateRunes().Select(r => r.Value >> BlockBits)
            .Append(0)
            .Distinct()
            .Order()
            .ToList();
        var byFamily = new Dictionary<string, List<OpenXmlElementPair>>(StringComparer.Ordinal);
        var index = 0;
        var embedded = new Dictionary<string, (string Id, string Key)>(StringComparer.Ordinal);
        foreach (var face in faces.OrderBy(f => f.Family, StringComparer.Ordinal).ThenBy(f => f.Bold).ThenBy(f => f.Italic))
        {
            var file = BundledFonts.File(face.Family, face.Bold, face.Italic)!;
            if (!embedded.TryGetValue(file, out var part))
            {
                var id = $"rIdFont{++index}";
                var key = KeyFor(file);
                var bytes = Obfuscate(SubsetFor(file, blocks), key);
                var fontPart = fontTable.AddFontPart(FontPartType.FontOdttf, id);
                using (var stream = new MemoryStream(bytes))
                    fontPart.FeedData(stream);
                part = (id, key.ToString("B").ToUpperInvariant());
                embedded[file] = part;
            }
            if (!byFamily.TryGetValue(face.Family, out var list))
                byFamily[face.Family] = list = [];
            list.Add(new OpenXmlElementPair((face.Bold, face.Italic) switch
            {
                (false, false) => new W.EmbedRegularFont { Id = part.Id, FontKey = part.Key },
                (true, false) => new W.EmbedBoldFont { Id = part.Id, FontKey = part.Key },
                (false, true) => new W.EmbedItalicFont { Id = part.Id, FontKey = part.Key },
                _ => new W.EmbedBoldItalicFont { Id = part.Id, FontKey = part.Key },
            }, Order(face)));
        }
        foreach (var list in byFamily.Values)
            list.Sort((a, b) => a.Order.CompareTo(b.Order));
        return byFamily;
    }

    private static int Order(Face face) => (face.Bold, face.Italic) switch
    {
        (false, false) => 0,
        (true, false) => 1,
        (false, true) => 2,
        _ => 3,
    };

    /// <summary>A fixed GUID per font file (from a hash of its name): the key Word and LibreOffice de-obfuscate with.</summary>
    internal static Guid KeyFor(string file) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("Briefings embedded font " + file)).AsSpan(0, 16));

    /// <summary>
    /// ECMA-376 font obfuscation: the key's 32 hex digits read as 16 bytes from the last digit pair to the
    /// first, XORed over the font's first 32 bytes (twice 16). Applying it again restores the font.
    /// </summary>
    internal static byte[] Obfuscate(byte[] font, Guid key)
    {
        var hex = key.ToString("N");
        var keyBytes = new byte[16];
        for (var i = 0; i < 16; i++)
            keyBytes[i] = Convert.ToByte(hex.Substring(30 - 2 * i, 2), 16);
        var output = (byte[])font.Clone();
        for (var i = 0; i < 32 && i < output.Length; i++)
            output[i] ^= keyBytes[i % 16];
        return output;
    }

    /// <summary>
    /// The font cut down to whole blocks of code points, made once per face and set of blocks.</summary>
    private static byte[] SubsetFor(string file, IReadOnlyList<int> blocks) =>
        Subsets.GetOrAdd((file, string.Join(',', blocks)), _ =>
        {
            var font = BundledFonts.Read(file);
            var characters = blocks.SelectMany(b => Enumerable.Range(b << BlockBits, 1 << BlockBits))
                .Where(c => c >= 0x20 && c is < 0xD800 or > 0xDFFF)
                .ToList();
            return Subset(font, characters) ?? font;
        });

    private const int BlockBits = 7;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string File, string Blocks), byte[]> Subsets = new();

    /// <summary>
    /// The font cut down to the characters given, with hb-subset (the shared <see cref="FontSubsetting"/>
    /// binding); its layout tables stay so Word can shape (Arabic joining, ligatures). Null when the native
    /// subsetter is unavailable: the full font is embedded.
    /// </summary>
    private static byte[]? Subset(byte[] font, IReadOnlyList<int> characters)
    {
        try
        {
            using var blob = Body.TextMeasure.BlobOf(font);
            using var face = new HarfBuzzSharp.Face(blob, 0);
            return FontSubsetting.Subset(face.Handle, glyphs: null, characters, dropTables: null, flags: null);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
        {
            return null;
        }
    }
}

/// <summary>A w:embed* element with its place in the schema's order (regular, bold, italic, bold italic).</summary>
internal readonly record struct OpenXmlElementPair(DocumentFormat.OpenXml.OpenXmlElement Element, int Order);
