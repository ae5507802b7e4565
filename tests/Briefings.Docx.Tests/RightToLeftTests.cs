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
        Assert.Equal(document.Metadata.Language, defaults.Languages!.Val!.Value);
        Assert.Equal("ar-SA", defaults.Languages!.Bidi!.Value);
        var font = word.MainDocumentPart.FontTablePart!.Fonts!.Elements<W.Font>().Single(f => f.Name == "Noto Naskh Arabic");
        Assert.NotNull(font.GetFirstChild<W.EmbedRegularFont>());
    }
}
