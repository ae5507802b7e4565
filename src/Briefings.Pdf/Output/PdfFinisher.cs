namespace Briefings.Pdf.Output;

/// <summary>One bookmark: heading level, title, page (1-based) and the PDF y coordinate (from the page bottom).</summary>
internal sealed record OutlineEntry(int Level, string Title, int Page, float Top);

internal static class PdfFinisher
{
    public static byte[] Finish(byte[] pdf, IReadOnlyList<OutlineEntry> outline, string language) => pdf;
}
