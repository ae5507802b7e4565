using Briefings.Documents;
using Briefings.Pdf.Fonts;

namespace Briefings.Pdf;

/// <summary>
/// The characters the PDF writer can draw with a theme's fonts: the same font files and fallback chain the
/// writer uses (body, heading and mono faces, then the fallbacks, ending with the bundled Arabic face).
/// </summary>
public sealed class PdfGlyphCoverage : IGlyphCoverage
{
    private readonly FontFace[] faces;
    private readonly FontSet set;

    /// <exception cref="DocumentWriteException">when a font the theme names can be found neither bundled nor installed.</exception>
    public PdfGlyphCoverage(FontTheme fonts)
    {
        set = FontSet.For(fonts);
        faces = [set.Body.Face(false, false), set.Heading.Face(false, false), set.Mono.Face(false, false)];
    }

    /// <inheritdoc/>
    public bool Covers(int codePoint)
    {
        foreach (var face in faces)
        {
            if (face.Covers(codePoint))
                return true;
        }
        // The fallbacks are loaded only when a character needs them, as when writing a PDF.
        foreach (var family in set.LoadedFallbacks())
        {
            if (family.Face(false, false).Covers(codePoint))
                return true;
        }
        return false;
    }
}
