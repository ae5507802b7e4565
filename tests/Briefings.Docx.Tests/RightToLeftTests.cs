using Briefings.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Briefings.Docx.Tests;

public class RightToLeftTests
{
    [Fact]
    public void Arabic_runs_are_marked_right_to_left_in_the_declared_complex_script_font()
    {
        var document = new Document(new DocumentMetadata { Title = "Arabic" },
            [new Paragraph([new Text("The minister أحمد عبد الله met the delegation.")])], []);
        using var word = Render.Open(document);
        var paragraph = Read.Body(word).Descendants<W.Paragraph>().Single(p => Read.Text(p).StartsWith("The minister", StringComparison.Ordinal));
        var runs = paragraph.Elements<W.Run>().Select(r => (Read.Text(r), r.RunProperties?.RightToLeftText is not null)).ToList();
        Assert.Equal([("The minister ", false), ("أحمد عبد الله", true), (" met the delegation.", false)], runs);

        var defaults = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Noto Naskh Arabic", defaults.RunFonts!.ComplexScript!.Value);
        Assert.Equal(Typography.Locale(document.Metadata.Language), defaults.Languages!.Val!.Value);
        Assert.Equal("ar-SA", defaults.Languages!.Bidi!.Value);
        var font = word.MainDocumentPart.FontTablePart!.Fonts!.Elements<W.Font>().Single(f => f.Name == "Noto Naskh Arabic");
        Assert.NotNull(font.GetFirstChild<W.EmbedRegularFont>());
    }
}

public class BidiControlTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\u202Eb", "a\u202Eb\u202C")]
    [InlineData("a\u202Eb\u202C", "a\u202Eb\u202C")]
    [InlineData("\u2067a\u202Bb", "\u2067a\u202Bb\u202C\u2069")]
    [InlineData("\u2067a\u202Bb\u2069c", "\u2067a\u202Bb\u2069c")]
    [InlineData("a\u202Cb\u2069", "a\u202Cb\u2069")]
    public void Bidi_controls_a_text_opens_are_closed_at_its_end(string text, string written) =>
        Assert.Equal(written, Body.InlineWriter.CloseBidiControls(text));

    [Fact]
    public void A_stray_override_reverses_only_its_own_text()
    {
        var document = new Document(new DocumentMetadata { Title = "Bidi" },
            [new Paragraph([new Text("Venue \u202Eevil"), new Strong([new Text(" rest of the paragraph")])])], []);
        using var word = Render.Open(document);
        var paragraph = Read.Body(word).Descendants<W.Paragraph>().Single(p => Read.Text(p).StartsWith("Venue", StringComparison.Ordinal));
        var runs = paragraph.Elements<W.Run>().Select(Read.Text).ToList();
        Assert.Equal(["Venue \u202Eevil\u202C", " rest of the paragraph"], runs);
    }
}
