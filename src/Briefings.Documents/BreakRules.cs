namespace Briefings.Documents;

/// <summary>Where both writers let a table or key–value list break between pages: one rule for the PDF and Word.</summary>
public static class BreakRules
{
    /// <summary>Tables and key–value lists of at most this many body rows are never split between pages.</summary>
    public const int SmallBlockRows = 3;

    /// <summary>
    /// The complete body rows a longer table needs on the page where it starts (with its header rows): fewer, and
    /// it starts on the next page.
    /// </summary>
    public const int TableRowsToStart = 2;
}
