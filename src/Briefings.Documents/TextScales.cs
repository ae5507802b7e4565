namespace Briefings.Documents;

/// <summary>
/// Sizes both writers set some text at, relative to the body size, so the PDF and the Word pack look alike: the
/// terms of a key–value list and the contents entries below level 1. (Faces and colours follow the theme: terms
/// and level-1 entries bold in the heading family and colour, table text in the heading family.)
/// </summary>
public static class TextScales
{
    /// <summary>A key–value list's term, of the body size.</summary>
    public const double DefinitionTerm = 0.92;

    /// <summary>A contents entry below level 1, of the body size.</summary>
    public const double ContentsEntry = 0.95;
}
