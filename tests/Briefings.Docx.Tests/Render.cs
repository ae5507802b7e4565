using Briefings.Documents;
using DocumentFormat.OpenXml.Packaging;

namespace Briefings.Docx.Tests;

internal static class Render
{
    public static byte[] Bytes(Document document, Theme? theme = null)
    {
        using var output = new MemoryStream();
        new DocxDocumentWriter().Write(document, theme ?? new Theme(), output);
        return output.ToArray();
    }

    /// <summary>Opens a rendered document read-only, as Word would see it.</summary>
    public static WordprocessingDocument Open(byte[] bytes) =>
        WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);

    public static WordprocessingDocument Open(Document document, Theme? theme = null) => Open(Bytes(document, theme));
}
