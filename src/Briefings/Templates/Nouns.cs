using System.Collections.Concurrent;
using Humanizer;

namespace Briefings.Templates;

/// <summary>
/// The singular or plural of an English noun for a count ("1 meeting", "2 meetings", "3 people"), as Humanizer's
/// inflector gives it. The nouns the shipped templates and the command line use are known in advance (a test
/// checks each against Humanizer); any other noun goes to Humanizer and is remembered. Humanizer builds its
/// rules as a hundred compiled regular expressions on first use — about 90 ms that a single command would
/// otherwise pay at every start for a handful of words.
/// </summary>
public static class Nouns
{
    /// <summary>The plural of each noun known in advance (each is its own singular). A plain dictionary of strings:
    /// generic code over strings is precompiled, so building it costs nothing at start-up.</summary>
    internal static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["country"] = "countries",
        ["day"] = "days",
        ["document"] = "documents",
        ["earlier meeting"] = "earlier meetings",
        ["error"] = "errors",
        ["event"] = "events",
        ["meeting"] = "meetings",
        ["month"] = "months",
        ["pack"] = "packs",
        ["person"] = "people",
        ["recorded document"] = "recorded documents",
        ["source"] = "sources",
        ["visit"] = "visits",
        ["warning"] = "warnings",
        ["week"] = "weeks",
        ["year"] = "years",
    };

    private static readonly ConcurrentDictionary<string, string> Singulars = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> Plurals = new(StringComparer.Ordinal);

    /// <summary>The noun as it reads after the count: "meeting" for 1, "meetings" for 0 or 2.</summary>
    public static string For(long count, string noun)
    {
        if (Known.TryGetValue(noun, out var plural))
            return count == 1 ? noun : plural;
        return count == 1
            ? Singulars.GetOrAdd(noun, n => n.ToQuantity(1, ShowQuantityAs.None))
            : Plurals.GetOrAdd(noun, n => n.ToQuantity(2, ShowQuantityAs.None));
    }

    /// <summary>What Humanizer itself gives, bypassing the table (for the test that keeps the table honest).</summary>
    internal static string FromHumanizer(long count, string noun) => noun.ToQuantity(count, ShowQuantityAs.None);
}
