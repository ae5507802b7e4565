using System.Globalization;
using System.Text.RegularExpressions;

namespace Briefings.Records;

/// <summary>A calendar quarter written <c>2023Q3</c>.</summary>
public readonly partial record struct Quarter(int Year, int Number)
{
    /// <summary>The first day of the quarter.</summary>
    public DateOnly Start => new(Year, (Number - 1) * 3 + 1, 1);
    /// <summary>The last day of the quarter.</summary>
    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    /// <summary>The quarter <paramref name="date"/> falls in.</summary>
    public static Quarter Of(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    /// <summary>Reads a quarter written <c>2023Q3</c> (or <c>2023q3</c>); false for anything else.</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is null) return false;
        var match = QuarterPattern().Match(text.Trim());
        if (!match.Success) return false;
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year < 1 || number is < 1 or > 4) return false;
        quarter = new Quarter(year, number);
        return true;
    }

    /// <summary>Reads a quarter written <c>2023Q3</c>; throws <see cref="FormatException"/> for anything else.</summary>
    public static Quarter Parse(string text) =>
        TryParse(text, out var quarter)
            ? quarter
            : throw new FormatException($"'{text}' is not a quarter; write it like 2023Q3");

    /// <summary>The quarter after this one: 2023Q4 follows 2023Q3, 2024Q1 follows 2023Q4.</summary>
    public Quarter Next() => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);

    /// <summary>Whether <paramref name="date"/> falls in the quarter.</summary>
    public bool Contains(DateOnly date) => Start <= date && date <= End;

    /// <summary>The quarter as <c>2023Q3</c>.</summary>
    public override string ToString() => $"{Year}Q{Number}";

    [GeneratedRegex(@"^(\d{4})[Qq]([1-4])$")]
    private static partial Regex QuarterPattern();
}
