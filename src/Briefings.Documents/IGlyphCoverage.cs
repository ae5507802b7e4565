namespace Briefings.Documents;

/// <summary>
/// Which characters a writer's fonts can draw. The PDF writer answers from the theme's fonts (bundled,
/// installed and fallbacks), so record validation can warn about text before any pack is rendered, without
/// the record model knowing about output formats.
/// </summary>
public interface IGlyphCoverage
{
    /// <summary>True when some font of the chain has a glyph for <paramref name="codePoint"/>.</summary>
    bool Covers(int codePoint);
}
