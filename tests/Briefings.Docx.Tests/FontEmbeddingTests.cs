using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Briefings.Docx.Tests;

public class FontEmbeddingTests
{
    [Fact]
    public void The_bundled_faces_used_travel_in_the_file_as_obfuscated_subset_fonts()
    {
        var bytes = Render.Bytes(SampleDocuments.VisitBrief());
        using var word = Render.Open(bytes);
        var fontTable = word.MainDocumentPart!.FontTablePart!;
        var fonts = fontTable.Fonts!.Elements<W.Font>().ToDictionary(f => f.Name!.Value!);

        // Body text in Noto Serif (regular, bold and italic are used by the sample), headings in bold Noto Sans, code in Noto Sans Mono.
        Assert.NotNull(fonts["Noto Serif"].GetFirstChild<W.EmbedRegularFont>());
        Assert.NotNull(fonts["Noto Serif"].GetFirstChild<W.EmbedBoldFont>());
        Assert.NotNull(fonts["Noto Serif"].GetFirstChild<W.EmbedItalicFont>());
        Assert.NotNull(fonts["Noto Sans"].GetFirstChild<W.EmbedBoldFont>());
        Assert.NotNull(fonts["Noto Sans Mono"].GetFirstChild<W.EmbedRegularFont>());

        var embeds = fonts.Values.SelectMany(f => f.Elements<W.FontRelationshipType>()).ToList();
        foreach (var embed in embeds)
        {
            var part = (FontPart)fontTable.GetPartById(embed.Id!.Value!);
            Assert.Equal("application/vnd.openxmlformats-officedocument.obfuscatedFont", part.ContentType);
            using var stream = part.GetStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var stored = copy.ToArray();
            // Obfuscated: the stored bytes do not start as a TrueType font; de-obfuscated with the key they do.
            Assert.False(IsTrueType(stored));
            var font = Deobfuscate(stored, embed.FontKey!.Value!);
            Assert.True(IsTrueType(font));
            // A subset, not the whole family: well under the bundled file's size.
            Assert.True(font.Length < 200_000, $"{font.Length} bytes");
            // Outlines, the character map and the layout tables Word shapes with are all kept.
            Assert.Superset(new HashSet<string> { "cmap", "glyf", "GSUB", "GPOS", "name", "OS/2" }, Tables(font).ToHashSet());
        }
        var settings = word.MainDocumentPart.DocumentSettingsPart!.Settings!;
        Assert.NotNull(settings.GetFirstChild<W.EmbedTrueTypeFonts>());
        Assert.True(bytes.Length < 1_500_000, $"{bytes.Length} bytes");
    }

    [Fact]
    public void Faces_the_styles_set_are_embedded_too_italic_quotes_and_captions_and_bold_terms_and_table_headers()
    {
        // No emphasis or strong text anywhere: the quote and the caption are italic by their styles, the key–value
        // term and the table's header row bold. Each face must travel, or the reader's machine fakes it (a slanted
        // regular) or substitutes another family.
        Documents.Document Build(params Documents.Block[] blocks) => new(new Documents.DocumentMetadata { Title = "Faces" }, blocks, []);
        var quote = new Documents.Quote([new Documents.Paragraph([new Documents.Text("Words said.")])], [new Documents.Text("A speaker")]);
        var figure = new Documents.Figure("Meetings by kind", "A chart.", new Documents.FigureSize(1, null, 0.5), new Documents.Drawing(100, 50, []));
        var terms = new Documents.DefinitionList([new Documents.DefinitionItem([new Documents.Text("Capital")], [new Documents.Paragraph([new Documents.Text("Minsk")])])]);
        var table = new Documents.Table([new Documents.TableColumn(Documents.ColumnAlignment.Left, 1)],
            [new Documents.TableRow([new Documents.TableCell([new Documents.Text("Date")])])],
            [new Documents.TableRow([new Documents.TableCell([new Documents.Text("4 May 2023")])])]);
        W.Font Serif(Documents.Document document)
        {
            using var word = Render.Open(document);
            return (W.Font)word.MainDocumentPart!.FontTablePart!.Fonts!.Elements<W.Font>().Single(f => f.Name == "Noto Serif").CloneNode(true);
        }

        var plain = Serif(Build(new Documents.Paragraph([new Documents.Text("Plain text.")])));
        Assert.Null(plain.GetFirstChild<W.EmbedItalicFont>());
        Assert.Null(plain.GetFirstChild<W.EmbedBoldFont>());
        Assert.NotNull(Serif(Build(quote)).GetFirstChild<W.EmbedItalicFont>());
        Assert.NotNull(Serif(Build(figure)).GetFirstChild<W.EmbedItalicFont>());
        Assert.NotNull(Serif(Build(terms)).GetFirstChild<W.EmbedBoldFont>());
        Assert.NotNull(Serif(Build(table)).GetFirstChild<W.EmbedBoldFont>());
        // Strong text in a quote is bold italic.
        var strongQuote = new Documents.Quote([new Documents.Paragraph([new Documents.Strong([new Documents.Text("Bold words.")])])], null);
        Assert.NotNull(Serif(Build(strongQuote)).GetFirstChild<W.EmbedBoldItalicFont>());
    }

    /// <summary>ECMA-376 Part 1 §17.8.1, done independently of the writer: key bytes from the GUID's last hex pair to its first.</summary>
    private static byte[] Deobfuscate(byte[] data, string fontKey)
    {
        var hex = fontKey.Trim('{', '}').Replace("-", "", StringComparison.Ordinal);
        Assert.Equal(32, hex.Length);
        var key = Enumerable.Range(0, 16).Select(i => Convert.ToByte(hex.Substring(30 - 2 * i, 2), 16)).ToArray();
        var output = (byte[])data.Clone();
        for (var i = 0; i < 32; i++)
            output[i] ^= key[i % 16];
        return output;
    }

    private static bool IsTrueType(byte[] font) =>
        font.Length > 12 && font[0] == 0 && font[1] == 1 && font[2] == 0 && font[3] == 0
        && TableCount(font) is > 4 and < 64;

    private static int TableCount(byte[] font) => font[4] << 8 | font[5];

    private static IEnumerable<string> Tables(byte[] font) =>
        Enumerable.Range(0, TableCount(font)).Select(i => System.Text.Encoding.ASCII.GetString(font, 12 + 16 * i, 4));
}
