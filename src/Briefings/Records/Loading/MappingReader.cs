using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Briefings.Records.Loading;

/// <summary>
/// Reads the fields of one YAML mapping into typed values, reporting every problem with the position
/// of the offending key or value. Unknown keys are reported once, with the nearest known key.
/// </summary>
internal sealed partial class MappingReader
{
    private readonly YamlMappingNode _node;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);

    public MappingReader(FileContext file, YamlMappingNode node, string what, IReadOnlyList<string> knownKeys)
    {
        File = file;
        _node = node;
        What = what;
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                file.Diagnostics.Error(file.Path, keyNode.Start, DiagnosticCodes.BadValue, $"{what} keys must be plain words");
                continue;
            }
            if (!knownKeys.Contains(key))
            {
                var nearest = NameMatching.Nearest(key, knownKeys.Select(k => (k, k)));
                var hint = nearest is null ? $"known keys: {string.Join(", ", knownKeys)}" : $"did you mean '{nearest}'?";
                file.Diagnostics.Error(file.Path, keyNode.Start, DiagnosticCodes.UnknownKey, $"unknown key '{key}' in {what}: {hint}");
                continue;
            }
            _fields[key] = (scalarKey, value);
        }
    }

    public FileContext File { get; }
    public string What { get; }

    public bool Has(string key) => Node(key) is not null;

    public Mark ValueMark(string key) => _fields.TryGetValue(key, out var field) ? field.Value.Start : _node.Start;

    public YamlNode? Node(string key) => _fields.TryGetValue(key, out var field) && !IsNull(field.Value) ? field.Value : null;

    /// <summary>
    /// A text value that will be printed as it is; null (and a diagnostic when required) when missing, empty
    /// or not text. Bidi controls are removed and over-long words reported (see <see cref="Checked"/>).
    /// </summary>
    public string? String(string key, bool required = false) =>
        Word(key, required) is { } text ? Checked(text, ValueMark(key), key) : null;

    /// <summary>A text value read as a code, id, date or list value: checked against its own rule, not as prose.</summary>
    private string? Word(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key);
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            File.Diagnostics.Error(File.Path, node.Start, DiagnosticCodes.BadValue, $"'{key}' in {What} must be text, not a {Shape(node)}");
            return null;
        }
        var text = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required) Missing(key);
            return null;
        }
        return text;
    }

    /// <summary>
    /// Record text as it will be printed: bidirectional-text controls are removed (with a warning), since an
    /// override or isolate left open in one value would reorder everything after it on the line, the page
    /// header included. Also warns about a word too long to break onto a line.
    /// </summary>
    internal string Checked(string text, Mark at, string key)
    {
        if (TextChecks.HasBidiControls(text))
        {
            File.Diagnostics.Warning(File.Path, at, DiagnosticCodes.BidiControl,
                $"'{key}' in {What} holds bidirectional-text controls ({TextChecks.DescribeBidiControls(text)}); they were removed so they cannot reorder the text around it");
            text = TextChecks.RemoveBidiControls(text).Trim();
        }
        if (key is not ("url" or "id") && TextChecks.LongestWord(text) is { Length: > TextChecks.MaxWordLength } word)
            File.Diagnostics.Warning(File.Path, at, DiagnosticCodes.LongWord,
                $"'{key}' in {What} has a word of {word.Length} characters with no place to break ('{word[..30]}…'): words over {TextChecks.MaxWordLength} characters may not fit a line of the page");
        if (File.Coverage is { } coverage && TextChecks.FirstUndrawable(text, coverage) is { } missing)
        {
            var (script, font) = TextChecks.ScriptOf(missing);
            File.Diagnostics.Warning(File.Path, at, DiagnosticCodes.NoGlyph,
                $"'{key}' in {What} has {script} text (U+{missing:X4}) that the theme's fonts cannot draw: the PDF will report it as an error " +
                $"(.docx and Markdown carry it as text); install a font such as {font} and list it under fonts: fallback in theme.yaml");
        }
        return text;
    }

    /// <summary>An id: lower-case letters, digits and hyphens.</summary>
    public string? Id(string key, bool required = true)
    {
        var text = Word(key, required);
        if (text is null) return null;
        if (!IdPattern().IsMatch(text))
        {
            File.Diagnostics.Error(File.Path, ValueMark(key), DiagnosticCodes.BadValue,
                $"'{key}' '{text}' in {What} must use lower-case letters, digits and hyphens only (e.g. 2023-12-04-xi-lukashenko)");
            return null;
        }
        return text;
    }

    /// <summary>A reference to another record, checked once everything is loaded.</summary>
    public string? Reference(string key, ReferenceKind kind, bool required = false)
    {
        var text = Word(key, required);
        if (text is not null) File.References.Add(new PendingReference(kind, text, File.Path, ValueMark(key), What));
        return text;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var text = Word(key, required);
        return text is null ? null : ParseDate(File, text, ValueMark(key), key, What);
    }

    /// <summary>A number from <paramref name="minimum"/> to <paramref name="maximum"/> (a coordinate in degrees); null, with an error, when it is not.</summary>
    public double? Number(string key, double minimum, double maximum, bool required = false)
    {
        var text = Word(key, required);
        if (text is null)
            return null;
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && value >= minimum && value <= maximum)
            return value;
        File.Diagnostics.Error(File.Path, ValueMark(key), DiagnosticCodes.BadValue,
            $"'{key}' in {What} must be a number from {minimum.ToString(System.Globalization.CultureInfo.InvariantCulture)} to {maximum.ToString(System.Globalization.CultureInfo.InvariantCulture)}, not '{text}'");
        return null;
    }

    public T? Enum<T>(string key, bool required = false) where T : struct, System.Enum
    {
        var text = Word(key, required);
        if (text is null) return null;
        if (ControlledList.TryParse<T>(text, out var value)) return value;
        var names = ControlledList.YamlNames<T>();
        var nearest = NameMatching.Nearest(text, names.Select(n => (n, n)));
        var hint = nearest is null ? "" : $"did you mean '{nearest}'? ";
        File.Diagnostics.Error(File.Path, ValueMark(key), DiagnosticCodes.NotInList,
            $"'{text}' is not a valid {ListName(key)}: {hint}expected one of {string.Join(", ", names)}");
        return null;
    }

    public bool Bool(string key, bool fallback = false)
    {
        var text = Word(key);
        if (text is null) return fallback;
        switch (text)
        {
            case "true" or "yes": return true;
            case "false" or "no": return false;
            default:
                File.Diagnostics.Error(File.Path, ValueMark(key), DiagnosticCodes.BadValue, $"'{key}' in {What} must be true or false, not '{text}'");
                return fallback;
        }
    }

    /// <summary>A list of text values (a single value is accepted as a list of one).</summary>
    public IReadOnlyList<string> Strings(string key, bool required = false) =>
        List(key, item =>
        {
            if (item is YamlScalarNode { Value: { } value } && value.Trim().Length > 0) return Checked(value.Trim(), item.Start, key);
            File.Diagnostics.Error(File.Path, item.Start, DiagnosticCodes.BadValue, $"items of '{key}' in {What} must be text");
            return null;
        }, required, allowSingle: true);

    /// <summary>A list of references, each checked once everything is loaded.</summary>
    public IReadOnlyList<string> References(string key, ReferenceKind kind, bool required = false) =>
        List(key, item =>
        {
            if (item is YamlScalarNode { Value: { } value } && value.Trim().Length > 0)
            {
                File.References.Add(new PendingReference(kind, value.Trim(), File.Path, item.Start, What));
                return value.Trim();
            }
            File.Diagnostics.Error(File.Path, item.Start, DiagnosticCodes.BadValue, $"items of '{key}' in {What} must be ids");
            return null;
        }, required, allowSingle: true);

    /// <summary>A list whose items are read by <paramref name="read"/>; items it returns null for are dropped.</summary>
    public IReadOnlyList<T> List<T>(string key, Func<YamlNode, T?> read, bool required = false, bool allowSingle = false) where T : class
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key);
            return [];
        }
        IEnumerable<YamlNode> items;
        if (node is YamlSequenceNode sequence) items = sequence.Children;
        else if (allowSingle && node is YamlScalarNode) items = [node];
        else
        {
            File.Diagnostics.Error(File.Path, node.Start, DiagnosticCodes.BadValue, $"'{key}' in {What} must be a list, not a {Shape(node)}");
            return [];
        }
        var result = new List<T>();
        foreach (var item in items)
        {
            if (read(item) is { } value) result.Add(value);
        }
        if (required && result.Count == 0 && node is YamlSequenceNode { Children.Count: 0 }) Missing(key);
        return result;
    }

    /// <summary>A nested mapping, or null with a diagnostic when the value has another shape.</summary>
    public MappingReader? Mapping(string key, string what, IReadOnlyList<string> knownKeys, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Missing(key);
            return null;
        }
        return For(File, node, what, knownKeys);
    }

    /// <summary>A reader for a node that must be a mapping (list items, nested objects).</summary>
    public static MappingReader? For(FileContext file, YamlNode node, string what, IReadOnlyList<string> knownKeys)
    {
        if (node is YamlMappingNode mapping) return new MappingReader(file, mapping, what, knownKeys);
        file.Diagnostics.Error(file.Path, node.Start, DiagnosticCodes.BadValue, $"{what} must be a mapping of keys to values, not a {Shape(node)}");
        return null;
    }

    public void Missing(string key) =>
        File.Diagnostics.Error(File.Path, _fields.TryGetValue(key, out var field) ? field.Key.Start : _node.Start,
            DiagnosticCodes.MissingField, $"{What} is missing required field '{key}'");

    public static DateOnly? ParseDate(FileContext file, string text, Mark at, string key, string what)
    {
        if (!DatePattern().IsMatch(text))
        {
            file.Diagnostics.Error(file.Path, at, DiagnosticCodes.BadDate, $"'{key}' '{text}' in {what} is not a date: write YYYY-MM-DD");
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        file.Diagnostics.Error(file.Path, at, DiagnosticCodes.BadDate, $"'{key}' {text} in {what} is not a real date");
        return null;
    }

    /// <summary>Reports an end date that comes before its start date.</summary>
    public void CheckOrder(string startKey, DateOnly? start, string endKey, DateOnly? end)
    {
        if (start is { } s && end is { } e && e < s)
            File.Diagnostics.Error(File.Path, ValueMark(endKey), DiagnosticCodes.DateOrder,
                $"'{endKey}' {e:yyyy-MM-dd} in {What} is before '{startKey}' {s:yyyy-MM-dd}");
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Shape(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "text value",
    };

    private static string ListName(string key) => key switch
    {
        "kind" => "kind",
        "level" or "from" or "to" => "partnership level",
        "handling" => "handling level",
        "status" => "meeting status",
        "side" => "side",
        _ => key,
    };

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DatePattern();
}
