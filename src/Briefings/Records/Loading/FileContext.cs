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

/// <summary>A participant's role coverage to check once people are known.</summary>
internal sealed record PendingRoleCheck(string Person, DateOnly Date, string MeetingId, string Path, Mark At);

/// <summary>State shared while reading one file.</summary>
internal sealed class FileContext(string path, DiagnosticBag diagnostics, List<PendingReference> references, List<PendingRoleCheck> roleChecks)
{
    public string Path { get; } = path;
    public DiagnosticBag Diagnostics { get; } = diagnostics;
    public List<PendingReference> References { get; } = references;
    public List<PendingRoleCheck> RoleChecks { get; } = roleChecks;

    public RecordOrigin Origin(Mark at) => new(Path, (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column));
}
