namespace Briefings.Templates;

/// <summary>Bounds on what a template may do, so a faulty template stops with an error instead of hanging.</summary>
public sealed record TemplateLimits
{
    /// <summary>Most iterations of any single loop.</summary>
    public int LoopLimit { get; init; } = 10_000;
    /// <summary>Deepest nesting of function calls and includes.</summary>
    public int RecursionLimit { get; init; } = 64;
    /// <summary>Wall-clock budget for rendering one template, includes and all.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Largest Markdown a template may produce, in characters.</summary>
    public int MaxOutputLength { get; init; } = 4_000_000;

    /// <summary>
    /// The default limits, grown with the record set: the output allowance and loop bound scale with the number
    /// of meetings, so a profile of a country met thousands of times renders while a runaway template still stops.
    /// </summary>
    public static TemplateLimits For(int meetings) => new()
    {
        LoopLimit = Math.Max(10_000, meetings * 20),
        MaxOutputLength = (int)Math.Min(int.MaxValue / 2, 4_000_000L + meetings * 8_000L),
    };
}
