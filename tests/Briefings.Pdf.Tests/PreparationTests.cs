using Briefings.Documents;
using Xunit;
using static Briefings.Pdf.Tests.SampleBriefs;

namespace Briefings.Pdf.Tests;

public class PreparationTests
{
    private static byte[] Render(PdfDocumentWriter writer, Document document, Theme theme)
    {
        using var stream = new MemoryStream();
        writer.Write(document, theme, stream);
        return stream.ToArray();
    }

    [Fact]
    public void Preparing_while_writing_leaves_the_bytes_as_they_are()
    {
        var document = VisitBrief(tableRows: 10);
        // A theme of its own (Noto Sans body), so its font set is new to this process when the test starts.
        var theme = new Theme { Fonts = new FontTheme { Body = "Noto Sans", Heading = "Noto Serif" } };
        var writer = new PdfDocumentWriter();
        var preparing = new Thread(() => writer.Prepare(theme));
        preparing.Start();
        var during = Render(writer, document, theme);
        preparing.Join();
        writer.Prepare(null);
        var after = Render(writer, document, theme);
        Assert.Equal(during, after);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(after, 0, 5));
    }
}
