using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Briefings.Cli;
using CsCheck;

namespace Briefings.Records.Tests;

/// <summary>
/// A seeded, deterministic mutation fuzzer over the sample record files: each case takes one file of data/
/// and applies one to three mutations (structure, types, nesting depth, size, encoding, tags, anchors and
/// aliases, line endings), then loads the folder. For every case: no exception escapes the loader, every
/// diagnostic is located and coded, the load finishes in bounded time, and the records of the other files
/// are all still read. Case <c>i</c> is generated from its own PCG seed, so any failure is reproduced by its
/// number. <c>FUZZ_CASES=N</c> sets the number of cases (default 200); <c>scripts/fuzz.sh N</c> runs it
/// and writes the figures to <c>FUZZ_REPORT</c>.
/// </summary>
public sealed partial class LoaderFuzzTests : IDisposable
{
    private const ulong Seed = 20231204;
    private static readonly TimeSpan MaxPerCase = TimeSpan.FromSeconds(5);

    private readonly string data = Repository.CopyOfData();
    private readonly string[] files;
    private readonly int baseline;

    public LoaderFuzzTests()
    {
        files = Directory.EnumerateFiles(data, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var clean = RecordLoader.Load(data);
        Assert.False(clean.HasErrors);
        baseline = Total(clean.Records);
    }

    public void Dispose()
    {
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }

    private static int Total(RecordSet r) => r.Countries.Count + r.People.Count + r.Meetings.Count + r.Events.Count + r.Sources.Count;

    // ---- mutations ----

    /// <summary>One mutation: what to do and its numbers (interpreted per kind).</summary>
    public readonly record struct Mutation(Kind Kind, int A, int B, int C)
    {
        public override string ToString() => $"{Kind}({A},{B},{C})";
    }

    public enum Kind { ReplaceChar, InsertSnippet, DeleteLine, DuplicateLine, SwapLines, DeepNest, HugeScalar, Indent, ValueType, AliasBomb, ManyItems, Encoding }

    private static readonly string[] Snippets =
    [
        "name: !!python/object:os.system ls\n", "&a ", "*a ", "!t ", "!!str ", "! ", "? [a, b]\n: c\n", "{", "[", "]", "}", "\"", "'",
        "\t", "---\n", "...\n", "%YAML 1.1\n---\n", "<<: *a\n", "\0", "\uFEFF", "\u202E", "\u2066", "#", "|", "|-\n  x\n", ">\n", "- ", ": ",
        "&x [1, 2]\n", "*nowhere\n", "x: &b {a: *b}\n", "id: 2023-01-01-x\n", "date: 2023-13-45\n", "date: [2023]\n", "kind: {a: b}\n",
        "name:\n  - a\n", "name: 12\n", "name: null\n", "name: ~\n", "name: ''\n", "code: \U0001F600\n", "a ::x:: b", ":::", "\r", "\u0085",
        "\u2028", "@", "`", "%", "!!binary aGVsbG8=\n", "!<tag:yaml.org,2002:str> x\n", "? \n", "-\n", "- - - -\n", "{a: [b, {c: d}]}\n",
    ];

    private static readonly string[] Values =
    [
        "[]", "{}", "[a, b]", "{a: b}", "12", "1.5e300", "-0", "0x1F", "true", "no", "null", "~", "''", "\"\"", "2023-02-30", "9999-12-31",
        "\"\\u202Ex\"", "\"\\uD800\"", "|\n  multi\n  line", ">-\n  folded", "- a\n- b", "!!int 5", "&v x", "*v", "\"a\\0b\"",
        new string('x', 5000), "[" + string.Join(",", Enumerable.Repeat("z", 3000)) + "]",
    ];

    private const string Punctuation = ":-[]{}\"'#&*!|>%@`, \n\t\r?~<=";

    private static readonly Gen<Mutation> MutationGen =
        Gen.Select(Gen.Int[0, Enum.GetValues<Kind>().Length - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue],
            (k, a, b, c) => new Mutation((Kind)k, a, b, c));

    private static readonly Gen<(int File, Mutation[] Mutations)> CaseGen =
        Gen.Select(Gen.Int[0, int.MaxValue], MutationGen.Array[1, 3], (f, m) => (f, m));

    /// <summary>Case <paramref name="index"/>: the same on every machine and every run.</summary>
    internal static (int File, Mutation[] Mutations) Case(int index) =>
        CaseGen.Generate(new PCG(1, Seed + (ulong)index), null!, out _);

    internal static byte[] Apply(string text, IEnumerable<Mutation> mutations)
    {
        var lines = text.Split('\n').ToList();
        var encoding = -1;
        var encodingArg = 0;
        foreach (var m in mutations)
        {
            int Line(int x) => lines.Count == 0 ? 0 : x % lines.Count;
            switch (m.Kind)
            {
                case Kind.ReplaceChar:
                {
                    var joined = string.Join('\n', lines).ToCharArray();
                    if (joined.Length == 0) break;
                    joined[m.A % joined.Length] = Punctuation[m.B % Punctuation.Length];
                    lines = new string(joined).Split('\n').ToList();
                    break;
                }
                case Kind.InsertSnippet:
                {
                    var line = lines.Count == 0 ? "" : lines[Line(m.A)];
                    var at = line.Length == 0 ? 0 : m.C % (line.Length + 1);
                    if (lines.Count == 0) lines.Add("");
                    lines[Line(m.A)] = line.Insert(at, Snippets[m.B % Snippets.Length]);
                    break;
                }
                case Kind.DeleteLine:
                    if (lines.Count > 0) lines.RemoveAt(Line(m.A));
                    break;
                case Kind.DuplicateLine:
                    // At most about 4 MB more: a duplicated 2 MB line must not make the fuzzer itself run out of memory.
                    if (lines.Count > 0)
                        lines.InsertRange(Line(m.A), Enumerable.Repeat(lines[Line(m.A)], Math.Max(1, Math.Min(1 + m.B % 5000, 4_000_000 / (lines[Line(m.A)].Length + 1)))));
                    break;
                case Kind.SwapLines:
                    if (lines.Count > 1) (lines[Line(m.A)], lines[Line(m.B)]) = (lines[Line(m.B)], lines[Line(m.A)]);
                    break;
                case Kind.DeepNest:
                {
                    var depth = 1 + m.B % 30_000;
                    var (open, close) = (m.C % 3) switch { 0 => ("[", "]"), 1 => ("{a: ", "}"), _ => ("- ", "") };
                    var value = string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, depth));
                    lines.Insert(Line(m.A), "notes: " + (open == "- " ? "\n  " : "") + value);
                    break;
                }
                case Kind.HugeScalar:
                {
                    var length = 1_000 + m.B % 2_000_000;
                    var key = (m.C % 4) switch { 0 => "country", 1 => "name", 2 => "kind", _ => "title" };
                    lines.Insert(Line(m.A), $"{key}: {new string((char)('A' + m.C % 26), length)}");
                    break;
                }
                case Kind.Indent:
                    if (lines.Count > 0)
                    {
                        var shift = m.B % 9 - 4;
                        var line = lines[Line(m.A)];
                        lines[Line(m.A)] = shift >= 0 ? new string(' ', shift) + line : line[Math.Min(line.Length - line.TrimStart(' ').Length, -shift)..];
                    }
                    break;
                case Kind.ValueType:
                    if (lines.Count > 0)
                    {
                        var line = lines[Line(m.A)];
                        var colon = line.IndexOf(": ", StringComparison.Ordinal);
                        if (colon > 0)
                        {
                            var value = Values[m.B % Values.Length];
                            var indent = new string(' ', line.Length - line.TrimStart(' ').Length + 2);
                            lines[Line(m.A)] = line[..(colon + 2)] + (value.Contains('\n') ? "\n" + indent + value.Replace("\n", "\n" + indent) : value);
                        }
                    }
                    break;
                case Kind.AliasBomb:
                {
                    var count = 1 + m.B % 100_000;
                    var bomb = new StringBuilder("topics:\n  - &t " + new string('x', 1 + m.C % 10_000) + "\n");
                    for (var i = 0; i < count; i++) bomb.Append("  - *t\n");
                    lines.Add(bomb.ToString());
                    break;
                }
                case Kind.ManyItems:
                {
                    var count = 1 + m.B % 50_000;
                    lines.Add("topics: [" + string.Join(",", Enumerable.Repeat("t", count)) + "]");
                    break;
                }
                case Kind.Encoding:
                    encoding = m.B % 8;
                    encodingArg = m.A;
                    break;
            }
        }
        var result = string.Join('\n', lines);
        switch (encoding)
        {
            case 0:
            {
                var bytes = Encoding.UTF8.GetBytes(result);
                if (bytes.Length > 0) bytes[encodingArg % bytes.Length] = (byte)(0x80 + encodingArg % 0x80);
                return bytes;
            }
            case 1: return [.. new UnicodeEncoding(false, true).GetPreamble(), .. new UnicodeEncoding(false, true).GetBytes(result)];
            case 2: return new UnicodeEncoding(true, false).GetBytes(result);
            case 3: return [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(result)];
            case 4: return Encoding.UTF8.GetBytes(result.Replace("\n", "\r\n"));
            case 5: return Encoding.UTF8.GetBytes(result.Replace("\n", "\r"));
            case 6: return Encoding.Latin1.GetBytes(result);
            case 7:
            {
                var bytes = Encoding.UTF8.GetBytes(result);
                return bytes[..(bytes.Length == 0 ? 0 : encodingArg % bytes.Length)];
            }
            default: return Encoding.UTF8.GetBytes(result);
        }
    }

    // ---- the run ----

    [Fact]
    public void Mutated_sample_records_give_located_diagnostics_in_bounded_time()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 200;
        var first = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_FIRST"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
        var slowest = TimeSpan.Zero;
        var slowestCase = -1;
        long peakManaged = 0;
        int withErrors = 0, diagnostics = 0;
        var total = Stopwatch.StartNew();
        var loading = TimeSpan.Zero;
        for (var index = first; index < first + cases; index++)
        {
            var (fileIndex, mutations) = Case(index);
            var path = files[fileIndex % files.Length];
            var original = File.ReadAllBytes(path);
            var what = $"case {index}: {Path.GetRelativePath(data, path)} {string.Join(" ", mutations)}";
            try
            {
                File.WriteAllBytes(path, Apply(Encoding.UTF8.GetString(original), mutations));
                var clock = Stopwatch.StartNew();
                LoadResult result;
                try
                {
                    result = RecordLoader.Load(data);
                }
                catch (Exception e)
                {
                    Assert.Fail($"{what}: the loader threw {e.GetType().Name}: {e.Message}");
                    throw;
                }
                var elapsed = clock.Elapsed;
                loading += elapsed;
                Assert.True(elapsed < MaxPerCase, $"{what}: took {elapsed.TotalSeconds:0.00} s");
                if (elapsed > slowest) (slowest, slowestCase) = (elapsed, index);
                foreach (var d in result.Diagnostics)
                {
                    Assert.True(d.Line >= 1 && d.Column >= 1 && d.Path.Length > 0, $"{what}: unlocated {d}");
                    Assert.Matches(CodePattern(), d.Code);
                    Assert.True(d.Message.Length < 2_000 && !d.Message.Contains('\n'), $"{what}: message of {d.Message.Length} characters: {d.Message[..Math.Min(200, d.Message.Length)]}");
                }
                // One broken file never costs the records of the others.
                Assert.True(Total(result.Records) >= baseline - 1, $"{what}: {Total(result.Records)} of {baseline} records read");
                if (result.HasErrors) withErrors++;
                diagnostics += result.Diagnostics.Count;
                // Every tenth case also goes through the command line: exit 0 or 1, every line a located diagnostic or the summary.
                if (index % 10 == 0)
                {
                    var output = new StringWriter();
                    var exit = CommandLine.Run(["validate", "--data", data, "--templates", Path.Join(data, "no-templates")], output, new StringWriter());
                    Assert.True(exit is 0 or 1, $"{what}: validate exited {exit}");
                    var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    Assert.All(lines[..^1], l => Assert.Matches(LinePattern(), l));
                }
                peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
            }
            finally
            {
                File.WriteAllBytes(path, original);
            }
        }
        var report = string.Create(CultureInfo.InvariantCulture,
            $"cases {first}..{first + cases - 1}: 0 crashes, {withErrors} with errors, {diagnostics} diagnostics; slowest case {slowestCase} " +
            $"{slowest.TotalSeconds:0.000} s; total {total.Elapsed.TotalSeconds:0.0} s ({loading.TotalSeconds:0.0} s loading); peak managed heap {peakManaged / (1024 * 1024)} MB; " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        if (Environment.GetEnvironmentVariable("FUZZ_REPORT") is { Length: > 0 } reportPath)
            File.WriteAllText(reportPath, report + "\n");
    }

    [Fact]
    public void Cases_are_deterministic_and_mutate()
    {
        Assert.Equal(Case(7).Mutations, Case(7).Mutations);
        Assert.Equal(Case(7).File, Case(7).File);
        Assert.NotEqual(Case(7).Mutations, Case(8).Mutations);
        var kinds = Enumerable.Range(0, 300).SelectMany(i => Case(i).Mutations).Select(m => m.Kind).Distinct().Count();
        Assert.Equal(Enum.GetValues<Kind>().Length, kinds);
    }

    [GeneratedRegex(@"^REC\d{3}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^.+:\d+:\d+: (error|warning) REC\d{3}: ")]
    private static partial Regex LinePattern();
}
