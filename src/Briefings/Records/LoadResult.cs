namespace Briefings.Records;

/// <summary>What loading a records folder gives: every record that could be read, and every problem found.</summary>
public sealed record LoadResult(RecordSet Records, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);
    public bool HasErrors => ErrorCount > 0;
}
