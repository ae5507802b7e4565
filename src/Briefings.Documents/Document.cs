namespace Briefings.Documents;

/// <summary>
/// A complete document: metadata, the body as a list of blocks, and the footnotes the body refers to.
/// This tree is the only thing a writer sees (pandoc's model: readers -> one AST -> writers).
/// </summary>
public sealed record Document(
    DocumentMetadata Metadata,
    IReadOnlyList<Block> Blocks,
    IReadOnlyList<Footnote> Footnotes)
{
    /// <summary>Looks a footnote up by its number (1-based, in order of first reference).</summary>
    public Footnote? FindFootnote(int number) => Footnotes.FirstOrDefault(f => f.Number == number);

    /// <summary>Every heading in document order, nested blocks included (used for contents and outlines).</summary>
    public IEnumerable<Heading> Headings() => Blocks.Descendants().OfType<Heading>();
}

/// <summary>Document-level facts that writers print on the cover, in page furniture and in file properties.</summary>
public sealed record DocumentMetadata
{
    /// <summary>The document title, on the cover and in the file properties.</summary>
    public required string Title { get; init; }
    /// <summary>The subtitle under the title on the cover, if any.</summary>
    public string? Subtitle { get; init; }
    /// <summary>The pack's as-of date: printed on the cover and used for every timestamp in the file.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>The handling marking printed at the top and bottom of every page (e.g. "OFFICIAL — INTERNAL").</summary>
    public string? Marking { get; init; }
    /// <summary>BCP 47 language tag of the content.</summary>
    public string Language { get; init; } = "en";
    /// <summary>Who the document is for ("internal" or "public").</summary>
    public string? Audience { get; init; }
    /// <summary>The author written to the file properties, if any.</summary>
    public string? Author { get; init; }
    /// <summary>The subject written to the file properties, if any.</summary>
    public string? Subject { get; init; }
    /// <summary>Keywords written to the file properties.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>Extra cover lines as label/value pairs, in order (e.g. "Meeting" / "4 December 2023, Beijing").</summary>
    public IReadOnlyList<KeyValuePair<string, string>> CoverFields { get; init; } = [];
}

/// <summary>A footnote's body. Number is the mark printed in the text; Label is the name used in the source.</summary>
public sealed record Footnote(int Number, string Label, IReadOnlyList<Block> Blocks);
