namespace Briefings.Packs;

/// <summary>
/// A pack could not be rendered: an unknown meeting or country (with the nearest matches), a template or
/// Markdown problem (<c>templates/NAME:line:col: error: ...</c>), or a writer that cannot render the content.
/// Every problem found is listed.
/// </summary>
public sealed class PackException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public PackException(string problem) : this([problem]) { }

    public IReadOnlyList<string> Problems { get; } = problems;

    /// <summary>The files that were still written (the formats that did render, and the manifest).</summary>
    public IReadOnlyList<WrittenFile> Written { get; init; } = [];
}
