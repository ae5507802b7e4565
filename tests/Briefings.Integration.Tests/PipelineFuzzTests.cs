using System.Globalization;
using System.Text;
using Briefings.Docx;
using Briefings.Packs;
using Briefings.Pdf;
using Briefings.Records;
using CsCheck;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using Xunit;

namespace Briefings.Integration.Tests;

/// <summary>
/// Random record text (Markdown and HTML syntax, colons, entities, bidi controls, line breaks, several
/// scripts) put into a meeting's venue, a topic and a statement, through the whole pipeline to Markdown,
/// PDF and .docx. For every case: the document's structure is the one the clean record gives, and the text
/// comes out literally (whitespace collapsed, bidi controls removed) in Word and in the PDF; no writer fails.
/// Seeded: case <c>i</c> is the same everywhere. <c>PIPELINE_FUZZ_CASES=N</c> sets the number (default 12).
/// </summary>
public sealed class PipelineFuzzTests : IDisposable
{
    private const string Meeting = "2023-12-04-xi-lukashenko";
    private const ulong Seed = 20230922;
    private readonly string root = Path.Combine(Path.GetTempPath(), "briefings-pipeline-fuzz-" + Guid.NewGuid().ToString("N"));
    private readonly string original;

    private static readonly string[] Tokens =
    [
        "*", "**", "_", "__", "[", "]", "(", ")", "<", ">", "<b>", "</i>", "|", "#", "##", "`", "```", "~", "~~", "^", "&", "&amp;",
        "&#x41;", ":", "::", ":::", "!", "\\", "{", "}", "{#id}", "=", "+", "-", "---", "1.", "2)", "[^1]", "[x](http://evil)",
        "<http://evil>", "$", "$$", "\"", "'", "%", "@", "\u202E", "\u202B", "\u2066", "\u2069", "\u200F", "\u061C", " ", "  ", "\t", "\n",
        "Minsk", "Diaoyutai", "Лукашенко", "Ελλάδα", "Gusmão", "Xi'an", "Nur-Sultan", "42", "2023-12-04", ".", ",", ";",
    ];

    private static readonly Gen<string> TextGen =
        Gen.Int[0, Tokens.Length - 1].Array[1, 25].Select(indices => string.Concat(indices.Select(i => Tokens[i])));

    public PipelineFuzzTests()
    {
        var data = Path.Combine(Repository.Root, "data");
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(data, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        original = File.ReadAllText(MeetingPath);
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    private string MeetingPath => Path.Combine(root, "meetings", Meeting + ".yaml");

    /// <summary>A YAML double-quoted scalar holding exactly <paramref name="text"/>.</summary>
    private static string Quoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\') quoted.Append('\\').Append(c);
            else if (c < ' ' || c is >= '\u2000' and <= '\u206F' or '\u061C') quoted.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else quoted.Append(c);
        }
        return quoted.Append('"').ToString();
    }

    /// <summary>What a reader sees of record text: runs of whitespace as one space, no bidi controls.</summary>
    /// <summary>
    /// Text with the typographic pass undone (curly quotes, en dashes, no-break spaces, which the writers are meant
    /// to produce from straight quotes, hyphens and spaces), so "literal" is compared character for character.
    /// </summary>
    private static string Plain(string text) => text
        .Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"')
        .Replace('\u2013', '-').Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2011', '-');

    private static string Visible(string text) =>
        string.Join(' ', TextChecks.RemoveBidiControls(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private (RenderedPack Pack, byte[] Pdf, byte[] Docx) Render()
    {
        var load = RecordLoader.Load(root);
        Assert.False(load.HasErrors, string.Join("\n", load.Diagnostics));
        var pack = new PackRenderer(load.Records, Path.Combine(Repository.Root, "templates"), SamplePacks.ProfileAsOf)
            .Render(new VisitPackRequest(Meeting));
        return (pack, SamplePacks.Write(new PdfDocumentWriter(), pack), SamplePacks.Write(new DocxDocumentWriter(), pack));
    }

    private static string Shape(RenderedPack pack) =>
        string.Join(" ", Documents.TreeExtensions.Descendants(pack.Document.Blocks).Select(b => b.GetType().Name));

    private static string DocxText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    private static string PdfLetters(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal);
    }

    [Fact]
    public void Random_record_text_renders_literally_without_changing_the_structure()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 12;
        var baseline = Shape(Render().Pack);
        for (var index = 0; index < cases; index++)
        {
            var pcg = new PCG(2, Seed + (ulong)index);
            var (venue, topic, statement) = (TextGen.Generate(pcg, null!, out _), TextGen.Generate(pcg, null!, out _), TextGen.Generate(pcg, null!, out _));
            // Text that is only whitespace or controls is an empty value: give each a visible anchor.
            (venue, topic, statement) = ("V" + venue + "v", "T" + topic + "t", "S" + statement + "s");
            File.WriteAllText(MeetingPath, original
                .Replace("venue: Diaoyutai State Guesthouse", "venue: " + Quoted(venue), StringComparison.Ordinal)
                .Replace("  - political trust", "  - " + Quoted(topic), StringComparison.Ordinal)
                .Replace("topics: [political trust]", "topics: [" + Quoted(topic) + "]", StringComparison.Ordinal)
                .Replace("text: Belarus has been, is and will remain a reliable partner of China.", "text: " + Quoted(statement), StringComparison.Ordinal));
            var what = $"case {index}: venue {Quoted(venue)}, topic {Quoted(topic)}, statement {Quoted(statement)}";

            var (pack, pdf, docx) = Render();

            Assert.True(baseline == Shape(pack), $"{what}: the structure changed");
            var word = DocxText(docx);
            var letters = PdfLetters(pdf);
            foreach (var text in new[] { venue, topic, statement })
            {
                Assert.True(Plain(word).Contains(Plain(Visible(text)), StringComparison.Ordinal), $"{what}: Word lacks {Quoted(Visible(text))}");
                Assert.True(Plain(letters).Replace(" ", "", StringComparison.Ordinal).Contains(Plain(Visible(text)).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal),
                    $"{what}: the PDF lacks {Quoted(Visible(text))}");
            }
        }
    }
}
