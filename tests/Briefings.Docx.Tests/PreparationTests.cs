using Briefings.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Xunit;

namespace Briefings.Docx.Tests;

public class PreparationTests
{
    [Fact]
    public void Preparation_describes_only_element_types_a_written_document_holds()
    {
        // The list of element types prepared ahead must not go stale: each is one the writer writes for a visit brief.
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var written = new HashSet<Type>();
        void Walk(OpenXmlPartContainer container, HashSet<OpenXmlPart> seen)
        {
            foreach (var pair in container.Parts)
            {
                if (!seen.Add(pair.OpenXmlPart))
                    continue;
                if (pair.OpenXmlPart.RootElement is { } root)
                {
                    written.Add(root.GetType());
                    foreach (var element in root.Descendants())
                        written.Add(element.GetType());
                }
                Walk(pair.OpenXmlPart, seen);
            }
        }
        Walk(word, []);

        var prepared = WriterPreparation.Elements().Select(e => e.GetType()).ToList();
        Assert.Empty(prepared.Where(t => !written.Contains(t)).Select(t => t.FullName));
        Assert.Equal(prepared.Count, prepared.Distinct().Count());
        Assert.Contains(typeof(DocumentFormat.OpenXml.Wordprocessing.Paragraph), prepared);
    }

    [Fact]
    public void Preparing_while_writing_leaves_the_bytes_as_they_are()
    {
        var document = SampleDocuments.VisitBrief();
        var theme = new Theme();
        var before = Render.Bytes(document, theme);
        var writer = new DocxDocumentWriter();
        var preparing = new Thread(() => writer.Prepare(theme));
        preparing.Start();
        var during = Render.Bytes(document, theme);
        preparing.Join();
        writer.Prepare(null);
        Assert.Equal(before, during);
        Assert.Equal(before, Render.Bytes(document, theme));
    }
}
