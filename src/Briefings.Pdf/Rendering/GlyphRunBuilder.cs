using Briefings.Pdf.Fonts;
using Briefings.Pdf.Serialization;
using SkiaSharp;

namespace Briefings.Pdf.Rendering;

/// <summary>
/// Writes shaped glyphs into the page's content stream and makes them copy out as the text they were
/// shaped from. Each glyph is mapped (in its font's ToUnicode map) to the characters it stands for (see
/// <see cref="ShapedRun.GlyphText"/>) the first time it is drawn. A run is wrapped in an ActualText span
/// when that map cannot say what it stands for: a glyph standing for several characters or none (a
/// ligature, a cluster of several glyphs), or a glyph already mapped to other characters (the same glyph
/// for a hyphen and a non-breaking hyphen). Right-to-left runs get no span of their own: extractors read
/// an ActualText span as drawn left to right and reverse it with the rest of the right-to-left text
/// (poppler does), so the per-glyph map, written in visual order, is what copies out right.
/// </summary>
internal sealed class GlyphRunBuilder
{
    // Whether each run drawn in this document needs an ActualText span (its glyphs' mappings are then set).
    private readonly Dictionary<ShapedRun, bool> checkedRuns = new(ReferenceEqualityComparer.Instance);

    /// <summary>Adds a shaped run at size (points) with its pen at (penX, baseline) on the page.</summary>
    public void Add(PageCanvas canvas, ShapedRun run, float size, SKColor glyphColour, float penX, float baseline)
    {
        var ids = run.Glyphs;
        if (ids.Length == 0)
            return;
        var owner = canvas.BeginText();
        var font = canvas.Fonts.Font(run.Face);
        var texts = run.GlyphText;
        var clusters = run.ClusterText;
        // Shaped runs come from the shared shaping cache: a word drawn a thousand times is checked once per document.
        if (!checkedRuns.TryGetValue(run, out bool actual))
        {
            for (int g = 0; g < ids.Length; g++)
            {
                string text = texts[g] ?? "";
                if (!font.Map(ids[g], text, clusters[g]) || (!run.RightToLeft && text.Length > 1 && !IsOneCharacter(text)))
                    actual = true;
            }
            checkedRuns[run] = actual;
        }
        owner?.AppendText(run.Text);
        actual &= !canvas.InActualText;
        var content = canvas.Content;
        if (actual)
            content.BeginActualText(run.RightToLeft ? string.Concat(texts) : run.Text);
        content.Glyphs(font, size, glyphColour, ids, run.X, run.Y, penX, baseline);
        if (actual)
            content.EndActualText();
    }

    /// <summary>
    /// Adds count leader dots (glyph of face at size, points), the first with its origin at (x, y) on the page,
    /// each step points after the one before.
    /// </summary>
    public void AddDots(PageCanvas canvas, FontFace face, float size, SKColor glyphColour, ushort glyph, float x, float y, float step, int count)
    {
        var owner = canvas.BeginText();
        var font = canvas.Fonts.Font(face);
        font.Map(glyph, ".", ".");
        owner?.AppendText(new string('.', count));
        canvas.Content.RepeatedGlyph(font, size, glyphColour, glyph, x, y, step, count);
    }

    private static bool IsOneCharacter(string text) => text.Length == 2 && char.IsSurrogatePair(text[0], text[1]);
}
