namespace Briefings.Records;

/// <summary>What loading a records folder gives: every record that could be read, and every problem found.</summary>
public sealed record LoadResult(RecordSet Records, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>How many errors were found.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);
    /// <summary>How many warnings were found.</summary>
    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);
    /// <summary>Whether any error was found (records with errors are left out of <see cref="Records"/>).</summary>
    public bool HasErrors => ErrorCount > 0;
}
