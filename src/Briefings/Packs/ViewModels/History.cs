using System.Globalization;
using Briefings.Records;

namespace Briefings.Packs.ViewModels;

/// <summary>One year of a long history in a line: "2019: 14 meetings; state visit (3), talks on the sidelines (11); Beijing (6), Moscow (5)".</summary>
internal sealed record YearSummary(int Year, int Count, string Kinds, string Places, int Documents);

/// <summary>
/// How a long run of meetings is presented: the most recent in full, the earlier ones summarised by year, so a
/// profile of a country met thousands of times reads in a few pages instead of a thousand.
/// </summary>
internal static class History
{
    /// <summary>A history up to this long is shown meeting by meeting.</summary>
    public const int ShownInFull = 30;

    /// <summary>How many of the latest meetings a longer history shows in full.</summary>
    public const int Recent = 20;

    /// <summary>Splits meetings (oldest first) into the earlier ones, to summarise, and the recent ones, shown in full.</summary>
    public static (IReadOnlyList<Meeting> Earlier, IReadOnlyList<Meeting> Recent) Split(IReadOnlyList<Meeting> meetings) =>
        meetings.Count <= ShownInFull ? ([], meetings) : (meetings.Take(meetings.Count - Recent).ToList(), meetings.Skip(meetings.Count - Recent).ToList());

    /// <summary>The earlier meetings by year, newest year first.</summary>
    public static IReadOnlyList<YearSummary> ByYear(IEnumerable<Meeting> earlier, PackScope scope) =>
        earlier.GroupBy(m => m.Date.Year)
            .OrderByDescending(g => g.Key)
            .Select(g => new YearSummary(
                g.Key,
                g.Count(),
                Counted(g.Select(m => Words.Kind(m.Kind))),
                Counted(g.Select(m => m.Place.City ?? scope.CountryName(m.Place.Country)), 3),
                g.Sum(m => m.Outcomes.Count(o => IsDocument(o) && scope.Known(o.Handling, o.Sources, m.Date)))))
            .ToList();

    public static bool IsDocument(Outcome o) =>
        o.Kind is OutcomeKind.DocumentsSigned or OutcomeKind.Agreement or OutcomeKind.JointStatement;

    /// <summary>"state visit (3), talks on the sidelines (11)", most frequent first; at most <paramref name="most"/> items.</summary>
    private static string Counted(IEnumerable<string> values, int most = int.MaxValue)
    {
        var groups = values.GroupBy(v => v, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var shown = groups.Take(most).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} ({g.Count()})"));
        var rest = groups.Count > most ? string.Create(CultureInfo.InvariantCulture, $", {groups.Count - most} other") + (groups.Count - most == 1 ? "" : "s") : "";
        return string.Join(", ", shown) + rest;
    }
}
