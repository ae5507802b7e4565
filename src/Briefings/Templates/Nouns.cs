using System.Collections.Concurrent;
using System.Collections.Frozen;
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
    /// <summary>Singular and plural of the nouns known in advance.</summary>
    internal static readonly FrozenDictionary<string, (string One, string Many)> Known = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["country"] = ("country", "countries"),
        ["day"] = ("day", "days"),
        ["document"] = ("document", "documents"),
        ["earlier meeting"] = ("earlier meeting", "earlier meetings"),
        ["error"] = ("error", "errors"),
        ["event"] = ("event", "events"),
        ["meeting"] = ("meeting", "meetings"),
        ["month"] = ("month", "months"),
        ["pack"] = ("pack", "packs"),
        ["person"] = ("person", "people"),
        ["recorded document"] = ("recorded document", "recorded documents"),
        ["source"] = ("source", "sources"),
        ["visit"] = ("visit", "visits"),
        ["warning"] = ("warning", "warnings"),
        ["week"] = ("week", "weeks"),
        ["year"] = ("year", "years"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string> Singulars = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> Plurals = new(StringComparer.Ordinal);

    /// <summary>The noun as it reads after the count: "meeting" for 1, "meetings" for 0 or 2.</summary>
    public static string For(long count, string noun)
    {
        if (Known.TryGetValue(noun, out var forms))
            return count == 1 ? forms.One : forms.Many;
        return count == 1
            ? Singulars.GetOrAdd(noun, n => n.ToQuantity(1, ShowQuantityAs.None))
            : Plurals.GetOrAdd(noun, n => n.ToQuantity(2, ShowQuantityAs.None));
    }

    /// <summary>What Humanizer itself gives, bypassing the table (for the test that keeps the table honest).</summary>
    internal static string FromHumanizer(long count, string noun) => noun.ToQuantity(count, ShowQuantityAs.None);
}
