using System.Runtime.CompilerServices;
using YamlDotNet.Core;

namespace Briefings.Records.Loading;

/// <summary>Checks of a source's printed text against every record's names; run once everything is loaded.</summary>
internal static class SourceChecks
{
    /// <summary>Every match-only spelling of a record set, normalised, with the record it belongs to; built once per set.</summary>
    private static readonly ConditionalWeakTable<RecordSet, IReadOnlyList<(string Spelling, string Original, string Owner)>> Spellings = new();

    /// <summary>
    /// A source's title, dateline or note is printed in every pack's notes, so it must not hold a spelling kept only so
    /// that garbled sources resolve ("Nur Sudan"): REC026, naming the display name to write instead and where the text as
    /// received goes. Whole words only, ignoring case, accents and punctuation, like name matching.
    /// </summary>
    public static void NoMatchOnlySpelling(RecordSet records, FileContext file, Mark at, string key, string value)
    {
        var spellings = Spellings.GetValue(records, Collect);
        if (spellings.Count == 0) return;
        var text = " " + NameMatching.Normalize(value) + " ";
        foreach (var (spelling, original, owner) in spellings)
        {
            if (!text.Contains(" " + spelling + " ", StringComparison.Ordinal)) continue;
            file.Diagnostics.Warning(file.Path, at, DiagnosticCodes.MatchOnlyPrinted,
                $"'{key}' in source holds '{original}', a spelling kept only for matching ({owner}), and packs print it: "
                + "write the name as a reader should see it, and keep a garbled dateline as received in 'dateline_as_received'");
            return;
        }
    }

    private static IReadOnlyList<(string, string, string)> Collect(RecordSet records)
    {
        var result = new List<(string, string, string)>();
        void Add(IEnumerable<string> spellings, string owner)
        {
            foreach (var spelling in spellings)
                if (NameMatching.Normalize(spelling) is { Length: > 0 } normal)
                    result.Add((normal, spelling, owner));
        }
        foreach (var country in records.Countries.Values.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            Add(country.MatchOnly, $"of {country.Name}");
            foreach (var city in country.Cities)
                Add(city.MatchOnly, $"of {city.Name}{(city.Aliases.Count > 0 ? $" ({string.Join(", ", city.Aliases)})" : "")}");
        }
        foreach (var person in records.People.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
            Add(person.MatchOnly, $"of {person.Name}");
        foreach (var ev in records.Events.Values.OrderBy(e => e.Id, StringComparer.Ordinal))
            Add(ev.MatchOnly, $"of {ev.Name}");
        return result;
    }
}
