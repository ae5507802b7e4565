using System.Globalization;
using Briefings.Records;

namespace Briefings.Batches;

/// <summary>
/// Which meetings a batch covers: a quarter, a date range, optionally only those with one country (a country
/// alone covers its whole history). <see cref="Name"/> is the batch's folder under the output root.
/// </summary>
public sealed record BatchSelection
{
    private BatchSelection(string name, string label, DateOnly? from, DateOnly? to, string? country)
    {
        Name = name;
        Label = label;
        From = from;
        To = to;
        Country = country;
    }

    /// <summary>The folder name: <c>quarter-2023q3</c>, <c>period-2023-07-01-to-2023-09-30</c>, <c>country-blr</c>.</summary>
    public string Name { get; }
    /// <summary>How packs name the period: "Q3 2023", "1 July 2023 to 30 September 2023", "all meetings on record".</summary>
    public string Label { get; }
    /// <summary>First day of the period, or null for a country's whole history.</summary>
    public DateOnly? From { get; }
    /// <summary>Last day of the period, or null for a country's whole history.</summary>
    public DateOnly? To { get; }
    /// <summary>A country code: only meetings with this country, and only its profile.</summary>
    public string? Country { get; }

    /// <summary>A batch with a period (not only a country) also renders a digest of the period.</summary>
    public bool HasPeriod => From is not null && To is not null;

    /// <summary>The meetings of a calendar quarter.</summary>
    public static BatchSelection ForQuarter(Quarter quarter) =>
        new($"quarter-{quarter.ToString().ToLowerInvariant()}", $"Q{quarter.Number} {quarter.Year}", quarter.Start, quarter.End, null);

    /// <exception cref="ArgumentException">when the range ends before it starts.</exception>
    public static BatchSelection ForRange(DateOnly from, DateOnly to)
    {
        if (to < from)
            throw new ArgumentException($"the period ends ({Iso(to)}) before it starts ({Iso(from)})");
        if (Quarter.Of(from) is var q && q.Start == from && q.End == to)
            return ForQuarter(q);
        return new($"period-{Iso(from)}-to-{Iso(to)}", $"{Long(from)} to {Long(to)}", from, to, null);
    }

    /// <summary>Every meeting with the country (the whole history), its profile and no digest.</summary>
    public static BatchSelection ForCountry(string code) =>
        new($"country-{code.ToLowerInvariant()}", "all meetings on record", null, null, code.ToUpperInvariant());

    /// <summary>This period, limited to meetings with one country.</summary>
    public BatchSelection WithCountry(string code) =>
        new($"{Name}-{code.ToLowerInvariant()}", Label, From, To, code.ToUpperInvariant());

    /// <summary>Whether the meeting belongs to the selection: any of its days falls in the period and, when a country is set, it involves that country.</summary>
    public bool Covers(Meeting meeting) =>
        (From is null || meeting.LastDay >= From) && (To is null || meeting.Date <= To)
        && (Country is null || meeting.Involves(Country));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
