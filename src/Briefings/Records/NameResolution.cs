namespace Briefings.Records;

/// <summary>
/// The answer to "which record does this name mean?": exactly one match, several (ambiguous: never guessed),
/// or none, with the nearest known name as a suggestion.
/// </summary>
public sealed record NameResolution<T>(string Query, IReadOnlyList<T> Matches, T? Suggestion) where T : class
{
    /// <summary>Whether the name means exactly one record.</summary>
    public bool IsResolved => Matches.Count == 1;
    /// <summary>Whether the name belongs to several records (none is picked).</summary>
    public bool IsAmbiguous => Matches.Count > 1;

    /// <summary>The single match; throws when the name is unknown or ambiguous (check <see cref="IsResolved"/> first).</summary>
    public T Value => Matches.Count == 1
        ? Matches[0]
        : throw new InvalidOperationException(IsAmbiguous ? $"'{Query}' is ambiguous" : $"'{Query}' is unknown");
}

/// <summary>A city together with the country it belongs to.</summary>
public sealed record CityMatch(City City, Country Country);

/// <summary>Finds records by any of their names, ignoring case, diacritics, punctuation and spacing.</summary>
internal sealed class NameIndex<T> where T : class
{
    private readonly Dictionary<string, List<T>> _byKey = new(StringComparer.Ordinal);
    private readonly List<(T Record, string Name)> _names = [];

    public void Add(T record, IEnumerable<string> names)
    {
        foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct())
        {
            _names.Add((record, name));
            var key = Key(name);
            if (key.Length == 0) continue;
            if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
            if (!list.Contains(record)) list.Add(record);
        }
    }

    public NameResolution<T> Resolve(string query)
    {
        if (_byKey.TryGetValue(Key(query), out var matches))
            return new NameResolution<T>(query, matches.ToList(), null);
        return new NameResolution<T>(query, [], NameMatching.Nearest(query, _names));
    }

    /// <summary>Names written differently that collide once normalized, with the records they belong to.</summary>
    public IEnumerable<(string Key, IReadOnlyList<T> Records)> Collisions() =>
        _byKey.Where(pair => pair.Value.Count > 1).Select(pair => (pair.Key, (IReadOnlyList<T>)pair.Value));

    // Spaces are dropped too, so "Luka Shenke" finds "Lukashenke" and "Nur Sudan" finds "NurSudan".
    private static string Key(string name) => NameMatching.Normalize(name).Replace(" ", "", StringComparison.Ordinal);
}
