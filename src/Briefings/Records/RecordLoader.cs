using Briefings.Records.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Briefings.Records;

/// <summary>
/// Loads a records folder (<c>countries/</c>, <c>people/</c>, <c>meetings/</c>, <c>events/</c>, <c>sources/</c>,
/// one entity per <c>.yaml</c> file) into a <see cref="RecordSet"/>, checking every file and reporting every
/// problem in one pass. A file that cannot be read or parsed never stops the others from being checked.
/// </summary>
public static class RecordLoader
{
    /// <summary>The sub-folders of a records folder; the first three must exist.</summary>
    public static readonly IReadOnlyList<string> Folders = ["countries", "people", "meetings", "events", "sources"];

    private static readonly HashSet<string> RequiredFolders = ["countries", "people", "meetings"];

    /// <summary>
    /// Loads every record under <paramref name="folder"/>. Paths in diagnostics start with
    /// <paramref name="folder"/> exactly as given, so relative folders give relative paths.
    /// </summary>
    public static LoadResult Load(string folder) => Load(folder, RecordLimits.Default);

    /// <summary>
    /// Loads every record under <paramref name="folder"/> within <paramref name="limits"/>. With
    /// <paramref name="coverage"/> (the PDF writer's fonts for a theme), text no font can draw is a warning.
    /// </summary>
    public static LoadResult Load(string folder, RecordLimits limits, Briefings.Documents.IGlyphCoverage? coverage = null)
    {
        var budget = limits.MaxTotalBytes;
        var fileCount = 0;
        var diagnostics = new DiagnosticBag();
        var references = new List<PendingReference>();
        var laterChecks = new List<Action<RecordSet>>();
        var countries = new List<Country>();
        var people = new List<Person>();
        var meetings = new List<Meeting>();
        var events = new List<Event>();
        var sources = new List<Source>();
        var ids = new IdRegistry(diagnostics);
        var broken = new HashSet<(ReferenceKind, string)>();

        if (!Directory.Exists(folder))
        {
            diagnostics.Add(new Diagnostic(folder, 1, 1, Severity.Error, DiagnosticCodes.MissingFolder,
                $"records folder '{folder}' does not exist"));
            return new LoadResult(RecordSet.Empty, diagnostics.Sorted());
        }

        foreach (var sub in Folders)
        {
            var directory = Path.Join(folder, sub);
            if (!Directory.Exists(directory))
            {
                if (RequiredFolders.Contains(sub))
                    diagnostics.Add(new Diagnostic(directory, 1, 1, Severity.Error, DiagnosticCodes.MissingFolder,
                        $"records folder has no '{sub}' sub-folder"));
                continue;
            }
            List<string> files;
            try
            {
                files = Directory.EnumerateFiles(directory)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(new Diagnostic(directory, 1, 1, Severity.Error, DiagnosticCodes.Unreadable, $"cannot list folder: {e.Message}"));
                continue;
            }
            foreach (var path in files)
            {
                var file = new FileContext(path, diagnostics, references, laterChecks, coverage);
                YamlMappingNode? root = null;
                if (++fileCount > limits.MaxFiles)
                {
                    if (fileCount == limits.MaxFiles + 1)
                        diagnostics.Add(new Diagnostic(path, 1, 1, Severity.Error, DiagnosticCodes.LimitExceeded,
                            $"the records folder holds more than {limits.MaxFiles} record files (the limit per load): this file and those after it are skipped"));
                }
                else
                {
                    root = ReadRoot(file, limits, budget, out var used);
                    budget -= used;
                }
                var loaded = root is not null && sub switch
                {
                    "countries" => RecordReaders.ReadCountry(file, root) is { } country && ids.Claim("country", country.Code, file, root, "code") && Add(countries, country),
                    "people" => RecordReaders.ReadPerson(file, root) is { } person && ids.Claim("person", person.Id, file, root, "id") && Add(people, person),
                    "meetings" => RecordReaders.ReadMeeting(file, root) is { } meeting && ids.Claim("meeting", meeting.Id, file, root, "id") && Add(meetings, meeting),
                    "events" => RecordReaders.ReadEvent(file, root) is { } ev && ids.Claim("event", ev.Id, file, root, "id") && Add(events, ev),
                    "sources" => RecordReaders.ReadSource(file, root) is { } source && ids.Claim("source", source.Id, file, root, "id") && Add(sources, source),
                    _ => false,
                };
                // A record whose file is broken is presumed to carry the file's name as its id, so references
                // to it are not reported again as unknown: the file's own diagnostics explain them.
                if (!loaded && KindOfFolder(sub) is { } kind) broken.Add((kind, Path.GetFileNameWithoutExtension(path)));
            }
        }

        var records = new RecordSet(countries, people, meetings, events, sources);
        CrossChecks.Run(records, references, laterChecks, broken, diagnostics);
        return new LoadResult(records, diagnostics.Sorted());
    }

    private static ReferenceKind? KindOfFolder(string folder) => folder switch
    {
        "countries" => ReferenceKind.Country,
        "people" => ReferenceKind.Person,
        "events" => ReferenceKind.Event,
        "sources" => ReferenceKind.Source,
        _ => null,
    };

    private static bool Add<T>(List<T> list, T record)
    {
        list.Add(record);
        return true;
    }

    /// <summary>Reads and parses one file; null (with a diagnostic) when it has no usable root mapping.</summary>
    private static YamlMappingNode? ReadRoot(FileContext file, RecordLimits limits, long budget, out long used)
    {
        var text = RecordFileReader.Read(file, limits, budget, out used);
        if (text is null) return null;

        var stream = new YamlStream();
        var parser = new GuardedParser(new Parser(new StringReader(text)), limits);
        try
        {
            stream.Load(parser);
        }
        catch (RecordFormatException e)
        {
            file.Diagnostics.Error(file.Path, e.At, e.Code, e.Message);
            return null;
        }
        catch (YamlException e)
        {
            file.Diagnostics.Error(file.Path, e.Start, DiagnosticCodes.Syntax, $"YAML syntax error: {SyntaxMessage(e)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // The scanner gave up without a position: point at the last value it understood.
            file.Diagnostics.Error(file.Path, parser.LastGood, DiagnosticCodes.Syntax,
                "YAML syntax error: the value starting here is not closed (a missing ']', '}' or quote?)");
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or NotSupportedException)
        {
            // Whatever else the parser throws on malformed input is still a problem in the file, not a crash.
            file.Diagnostics.Error(file.Path, parser.LastGood, DiagnosticCodes.Syntax, $"YAML syntax error after this point: {e.Message}");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            file.Diagnostics.Add(new Diagnostic(file.Path, 1, 1, Severity.Error, DiagnosticCodes.MissingField, "file holds no record"));
            return null;
        }
        if (stream.Documents.Count > 1)
            file.Diagnostics.Error(file.Path, stream.Documents[1].RootNode.Start, DiagnosticCodes.BadValue,
                "file holds more than one YAML document; one record per file (the rest is ignored)");
        var root = stream.Documents[0].RootNode;
        if (root is YamlMappingNode mapping) return mapping;
        file.Diagnostics.Error(file.Path, root.Start, DiagnosticCodes.BadValue, "a record file must hold a mapping of keys to values");
        return null;
    }

    // YamlDotNet puts the position in front of its message ("(Line: 3, Col: 5, Idx: 20) - (...): ..."); we print our own.
    private static string SyntaxMessage(YamlException e)
    {
        var message = e.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        message = (cut >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(cut + 3)..] : message).Trim();
        return message.StartsWith("Duplicate key ", StringComparison.Ordinal)
            ? $"key '{message["Duplicate key ".Length..]}' appears twice in the same mapping"
            : message;
    }

    /// <summary>Remembers where each id was first defined, so duplicates point back at it.</summary>
    private sealed class IdRegistry(DiagnosticBag diagnostics)
    {
        private readonly Dictionary<(string Kind, string Id), RecordOrigin> _seen = [];

        public bool Claim(string kind, string id, FileContext file, YamlMappingNode root, string key)
        {
            var at = root.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var k } && k == key).Value?.Start ?? root.Start;
            var normalized = kind == "country" ? id.ToUpperInvariant() : id;
            if (_seen.TryGetValue((kind, normalized), out var first))
            {
                diagnostics.Error(file.Path, at, DiagnosticCodes.DuplicateId, $"duplicate {kind} {key} '{id}': first defined at {first}");
                return false;
            }
            _seen[(kind, normalized)] = file.Origin(at);
            var stem = Path.GetFileNameWithoutExtension(file.Path);
            if (!string.Equals(stem, id, StringComparison.OrdinalIgnoreCase))
                diagnostics.Warning(file.Path, at, DiagnosticCodes.FileNameMismatch, $"{kind} {key} '{id}' does not match the file name '{stem}'");
            return true;
        }
    }
}
