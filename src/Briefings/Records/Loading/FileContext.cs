using YamlDotNet.Core;

namespace Briefings.Records.Loading;

internal enum ReferenceKind
{
    Country,
    Person,
    Source,
    Event,
}

/// <summary>A reference seen while reading one file, checked once every file has been read.</summary>
internal sealed record PendingReference(ReferenceKind Kind, string Value, string Path, Mark At, string What);

/// <summary>State shared while reading one file.</summary>
internal sealed class FileContext(string path, DiagnosticBag diagnostics, List<PendingReference> references, List<Action<RecordSet>> laterChecks,
    Briefings.Documents.IGlyphCoverage? coverage = null)
{
    /// <summary>The fonts' coverage, when text is to be checked against the fonts that will draw it.</summary>
    public Briefings.Documents.IGlyphCoverage? Coverage { get; } = coverage;

    public string Path { get; } = path;
    public DiagnosticBag Diagnostics { get; } = diagnostics;
    public List<PendingReference> References { get; } = references;

    /// <summary>Checks that need every record (people's roles, partnership histories); run after loading.</summary>
    public List<Action<RecordSet>> LaterChecks { get; } = laterChecks;

    public RecordOrigin Origin(Mark at) => new(Path, (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column));
}
