using Briefings.Documents;
using Briefings.Pdf.Fonts;

namespace Briefings.Pdf;

/// <summary>
/// The one-time work of a first PDF in a process, done ahead when a caller has a core to spare
/// (<see cref="PdfDocumentWriter.Prepare"/>): the theme's fonts loaded for shaping and measuring, and the
/// hyphenation patterns every layout starts from. Both are caches the writer fills on its own otherwise.
/// </summary>
internal static class WriterPreparation
{
    public static void Prepare(Theme? theme)
    {
        _ = Text.Hyphenation.Hyphenator.EnGb;
        if (theme is not null)
            _ = FontSet.For(theme.Fonts);
    }
}
