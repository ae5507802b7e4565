namespace Briefings.Records;

/// <summary>
/// Bounds on what reading a records folder may cost. Records are small, hand-edited files (the largest
/// sample is under 5 KB and nests 5 levels deep), so the defaults leave ample room for real records while
/// keeping any input, however hostile, to a bounded amount of time and memory. Every limit that is hit is
/// reported as a located error naming the limit; the file is then skipped.
/// </summary>
public sealed record RecordLimits
{
    /// <summary>The defaults used by <see cref="RecordLoader.Load(string)"/>.</summary>
    public static RecordLimits Default { get; } = new();

    /// <summary>Bytes in one record file (1 MiB).</summary>
    public long MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>Bytes read from the whole folder (64 MiB); files past it are reported and skipped.</summary>
    public long MaxTotalBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Record files in the whole folder.</summary>
    public int MaxFiles { get; init; } = 20_000;

    /// <summary>Nesting depth of lists and mappings inside one file.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Characters in one text value.</summary>
    public int MaxScalarLength { get; init; } = 20_000;

    /// <summary>Values (text values, lists and mappings) in one file.</summary>
    public int MaxNodes { get; init; } = 20_000;
}
