namespace Briefings.Documents;

/// <summary>Inline content inside paragraphs, headings, cells and terms.</summary>
public abstract record Inline;

/// <summary>Literal text. Never interpreted: whatever it contains is printed as is.</summary>
public sealed record Text(string Value) : Inline;

/// <summary>Emphasised (italic) content.</summary>
public sealed record Emphasis(IReadOnlyList<Inline> Content) : Inline;

/// <summary>Strongly emphasised (bold) content.</summary>
public sealed record Strong(IReadOnlyList<Inline> Content) : Inline;

/// <summary>Code or a literal identifier, set in the monospaced font.</summary>
public sealed record Code(string Value) : Inline;

/// <summary>
/// A link. A target starting with '#' points at a heading id inside the document;
/// anything else is an external URL.
/// </summary>
public sealed record Link(string Target, IReadOnlyList<Inline> Content) : Inline
{
    /// <summary>Whether the link points at a heading of this document (its target starts with '#').</summary>
    public bool IsInternal => Target.StartsWith('#');
}

/// <summary>A footnote mark; Number matches <see cref="Footnote.Number"/>.</summary>
public sealed record FootnoteReference(int Number) : Inline;

/// <summary>A hard line break inside a paragraph.</summary>
public sealed record LineBreak : Inline;
