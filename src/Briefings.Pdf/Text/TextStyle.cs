using Briefings.Pdf.Fonts;
using SkiaSharp;

namespace Briefings.Pdf.Text;

/// <summary>How a stretch of text looks. Superscript text is drawn raised and does not grow the line.</summary>
internal sealed record TextStyle(FontFamily Family, float Size, SKColor Color, bool Bold = false, bool Italic = false, bool Superscript = false)
{
    public FontFace Face => Family.Face(Bold, Italic);
}

/// <summary>
/// A run of text in one style, the unit between the document's inlines and line breaking.
/// Link is an external URL or "#destination"; Footnote is the number of a footnote mark (0 for none).
/// </summary>
internal readonly record struct TextSpan(string Text, TextStyle Style, string? Link = null, int Footnote = 0, bool LineBreak = false);
