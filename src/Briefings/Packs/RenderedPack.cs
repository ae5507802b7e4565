using Briefings.Documents;

namespace Briefings.Packs;

/// <summary>A file a pack was made from, with its SHA-256 (lower-case hex) for the manifest.</summary>
public sealed record PackInput(string Path, string Sha256);

/// <summary>
/// A pack rendered in memory: the Markdown the template produced, the document tree read from it, the theme,
/// and every input it came from. Nothing is written until <see cref="PackWriter"/> is called.
/// </summary>
public sealed record RenderedPack(
    string Name,
    string Kind,
    string Subject,
    DateOnly AsOf,
    Audience Audience,
    string Markdown,
    Document Document,
    Theme Theme,
    IReadOnlyList<PackInput> Templates,
    IReadOnlyList<PackInput> Records)
{
    /// <summary>The record set's <see cref="RecordShape"/> when the pack was rendered, for the manifest.</summary>
    public string RecordShape { get; init; } = "";
}
