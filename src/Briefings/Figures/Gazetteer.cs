using System.Globalization;
using Briefings.Records;

namespace Briefings.Figures;

/// <summary>
/// City coordinates shipped with the library (templates/maps/cities.tsv: GeoNames, CC BY 4.0), read once per process:
/// a city is found by its country and any of its names, ignoring case, accents, punctuation and spaces.
/// </summary>
public static class Gazetteer
{
    private static readonly Lazy<Dictionary<(string Country, string Name), GeoPoint>> Cities = new(Load);

    /// <summary>
    /// Where a city of the country <paramref name="countryCode"/> (ISO 3166-1 alpha-3) is, trying each of
    /// <paramref name="names"/> in turn; null when the gazetteer has none of them.
    /// </summary>
    public static GeoPoint? Find(string countryCode, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (Cities.Value.TryGetValue((countryCode.ToUpperInvariant(), Key(name)), out var point))
                return point;
        }
        return null;
    }

    private static string Key(string name) =>
        new(name.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static Dictionary<(string, string), GeoPoint> Load()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream("Briefings.Figures.cities.tsv")
            ?? throw new InvalidOperationException("the city coordinates (cities.tsv) are missing from the library");
        using var reader = new StreamReader(stream);
        var cities = new Dictionary<(string, string), GeoPoint>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var cells = line.Split('\t');
            var point = new GeoPoint(double.Parse(cells[2], CultureInfo.InvariantCulture), double.Parse(cells[3], CultureInfo.InvariantCulture));
            // The file keeps one city per name and country; should two names fold to one key, the first stays.
            cities.TryAdd((cells[0], Key(cells[1])), point);
        }
        return cities;
    }
}
