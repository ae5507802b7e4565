using System.Diagnostics;
using System.Text;
using Briefings.Cli;

namespace Briefings.Records.Tests;

/// <summary>
/// The hostile cases: each gives a located error (or a clean load), never a crash, and costs bounded time.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string MeetingFile = "meetings/2023-12-04-xi-lukashenko.yaml";
    private readonly RecordFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Diagnostic Only(LoadResult result, string code, string fileEnd)
    {
        var matching = result.Diagnostics.Where(d => d.Code == code && d.Path.EndsWith(fileEnd, StringComparison.Ordinal)).ToList();
        Assert.True(matching.Count == 1, $"expected one {code} in {fileEnd}, got:\n{string.Join("\n", result.Diagnostics)}");
        return matching[0];
    }

    private LoadResult TimedLoad(double seconds = 5)
    {
        var clock = Stopwatch.StartNew();
        var result = _folder.Load();
        Assert.True(clock.Elapsed.TotalSeconds < seconds, $"loading took {clock.Elapsed.TotalSeconds:0.0} s");
        // The valid records beside the broken file are all still read.
        Assert.Contains("alexander-lukashenko", result.Records.People.Keys);
        Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1 && d.Message.Length < 1500, d.ToString()));
        return result;
    }

    // ---- nesting ----

    [Theory]
    [InlineData("{a: ", "}")]
    [InlineData("[", "]")]
    [InlineData("- ", "")]
    public void Deep_nesting_is_a_located_error_not_a_stack_overflow(string open, string close)
    {
        var value = string.Concat(Enumerable.Repeat(open, 20_000)) + "x" + string.Concat(Enumerable.Repeat(close, 20_000));
        if (open == "- ")
            value = "  " + string.Concat(Enumerable.Repeat("- ", 20_000)) + "a"; // block lists, compact form
        _folder.Write("meetings/deep.yaml", "id: deep\nnotes: " + (open == "- " ? "\n" : "") + value);
        var result = TimedLoad();
        var error = Only(result, DiagnosticCodes.LimitExceeded, "deep.yaml");
        Assert.Contains("more than 32 levels", error.Message);
        Assert.True(error.Line >= 1);
    }

    [Fact]
    public void Deep_nesting_via_the_command_line_in_process_exits_1()
    {
        _folder.Write("meetings/deep.yaml", "id: deep\nnotes: " + new string('[', 20_000) + new string(']', 20_000));
        var output = new StringWriter();
        var exit = CommandLine.Run(["validate", "--data", _folder.Root], output, new StringWriter());
        Assert.Equal(1, exit);
        Assert.Contains("deep.yaml:2:", output.ToString());
        Assert.Contains("error REC020", output.ToString());
    }

    [Fact]
    public async Task Deep_nesting_via_the_command_line_process_exits_1()
    {
        _folder.Write("meetings/deep.yaml", "id: deep\nnotes: " + string.Concat(Enumerable.Repeat("{a: ", 20_000)) + "x" + new string('}', 20_000));
        var cli = Path.Join(AppContext.BaseDirectory, "Briefings.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "exec", cli, "validate", "--data", _folder.Root }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("deep.yaml:2:", await output);
        Assert.Contains("error REC020", await output);
        Assert.DoesNotContain("Stack overflow", await error);
    }

    // ---- sizes ----

    [Fact]
    public void A_huge_unknown_country_code_is_bounded_and_not_echoed()
    {
        var huge = new string('Q', 1_000_000);
        _folder.Edit("people/xi-jinping.yaml", "country: CHN", "country: " + huge);
        var result = TimedLoad(seconds: 3);
        // Over the scalar limit: reported there, and the message names the length, not the value.
        var error = Only(result, DiagnosticCodes.LimitExceeded, "xi-jinping.yaml");
        Assert.Contains("1000000 characters", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_long_unknown_country_code_under_the_limits_is_cut_in_the_message_and_fast()
    {
        var limits = new RecordLimits { MaxScalarLength = 2_000_000, MaxFileBytes = 4_000_000 };
        _folder.Edit("people/xi-jinping.yaml", "country: CHN", "country: " + new string('Q', 1_000_000));
        var clock = Stopwatch.StartNew();
        var result = RecordLoader.Load(_folder.Root, limits);
        Assert.True(clock.Elapsed.TotalSeconds < 3, $"took {clock.Elapsed.TotalSeconds:0.0} s");
        var error = Only(result, DiagnosticCodes.UnknownReference, "xi-jinping.yaml");
        Assert.Contains("(1000000 characters)", error.Message);
        Assert.True(error.Message.Length < 200, error.Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_reported_and_skipped()
    {
        _folder.Write("meetings/big.yaml", "id: big\ncontext:\n" + string.Concat(Enumerable.Repeat("  - " + new string('x', 1000) + "\n", 1100)));
        var error = Only(TimedLoad(), DiagnosticCodes.LimitExceeded, "big.yaml");
        Assert.Contains($"limit of {RecordLimits.Default.MaxFileBytes} bytes", error.Message);
    }

    [Fact]
    public void Too_many_values_in_one_file_is_reported()
    {
        _folder.Write("meetings/many.yaml", "id: many\ntopics: [" + string.Join(",", Enumerable.Repeat("t", 30_000)) + "]");
        var error = Only(TimedLoad(), DiagnosticCodes.LimitExceeded, "many.yaml");
        Assert.Contains("more than 20000 values", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void The_folder_limits_bound_files_and_bytes()
    {
        var limits = new RecordLimits { MaxFiles = 3 };
        var result = RecordLoader.Load(_folder.Root, limits);
        Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.LimitExceeded && d.Message.Contains("more than 3 record files"));
        result = RecordLoader.Load(_folder.Root, new RecordLimits { MaxTotalBytes = 400 });
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.LimitExceeded && d.Message.Contains("more than 400 bytes"));
    }

    // ---- constructs the format does not define ----

    [Theory]
    [InlineData("name: !!python/object:os.system ls", "YAML tag 'tag:yaml.org,2002:python/object:os.system'")]
    [InlineData("name: !custom Xi", "YAML tag '!custom'")]
    [InlineData("name: !!str Xi", "YAML tag")]
    [InlineData("name: ! Xi", "YAML tag '!'")]
    public void Tags_are_errors(string line, string expected)
    {
        _folder.Edit("people/xi-jinping.yaml", "name: Xi Jinping", line);
        var result = _folder.Load();
        var error = Only(result, DiagnosticCodes.NotAllowed, "xi-jinping.yaml");
        Assert.Contains(expected, error.Message);
        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.DoesNotContain("xi-jinping", result.Records.People.Keys);
    }

    [Fact]
    public void An_alias_before_its_anchor_is_an_error()
    {
        _folder.Write("meetings/alias.yaml", "id: alias\ntitle: *later\nnotes: &later x");
        var error = Only(_folder.Load(), DiagnosticCodes.NotAllowed, "alias.yaml");
        Assert.Equal((2, 8), (error.Line, error.Column));
        Assert.Contains("alias '*later'", error.Message);
    }

    [Fact]
    public void Anchors_and_aliases_are_not_part_of_the_format()
    {
        // 100,000 aliases of one 10 KB topic once passed validation and blew up rendering.
        var text = new StringBuilder("id: bomb\ntopics:\n  - &t " + new string('x', 10_000) + "\n");
        for (var i = 0; i < 100_000; i++) text.Append("  - *t\n");
        _folder.Write("meetings/bomb.yaml", text.ToString());
        var error = Only(TimedLoad(), DiagnosticCodes.NotAllowed, "bomb.yaml");
        Assert.Equal((3, 5), (error.Line, error.Column));
        Assert.Contains("anchor '&t'", error.Message);
    }

    // ---- files that are not files, bytes that are not text ----

    [Fact]
    public async Task A_named_pipe_is_reported_and_skipped_without_blocking()
    {
        if (!OperatingSystem.IsLinux()) return;
        var pipe = _folder.PathOf("meetings/x.yaml");
        using (var mkfifo = Process.Start("mkfifo", pipe)) mkfifo.WaitForExit();
        Assert.True(File.Exists(pipe));
        // A blocked load would hang the test: WaitAsync turns that into a failure (the thread stays stuck).
        var result = await Task.Run(_folder.Load).WaitAsync(TimeSpan.FromSeconds(20));
        var error = Only(result, DiagnosticCodes.Unreadable, "x.yaml");
        Assert.Contains("named pipe", error.Message);
    }

    [Fact]
    public void A_symlink_to_a_device_is_reported()
    {
        if (!OperatingSystem.IsLinux()) return;
        File.CreateSymbolicLink(_folder.PathOf("meetings/zero.yaml"), "/dev/zero");
        var error = Only(TimedLoad(), DiagnosticCodes.Unreadable, "zero.yaml");
        Assert.Contains("character device", error.Message);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_located()
    {
        var bytes = Encoding.UTF8.GetBytes("id: latin\ntitle: caf").Concat(new byte[] { 0xE9, 0x0A }).ToArray();
        File.WriteAllBytes(_folder.PathOf("meetings/latin.yaml"), bytes);
        var error = Only(_folder.Load(), DiagnosticCodes.BadEncoding, "latin.yaml");
        Assert.Equal((2, 11), (error.Line, error.Column));
        Assert.Contains("0xE9", error.Message);
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_is_read()
    {
        File.WriteAllText(_folder.PathOf("people/xi-jinping.yaml"), RecordFolder.Xi, new UnicodeEncoding(false, true));
        var result = _folder.Load();
        Assert.Empty(result.Diagnostics);
        Assert.Equal("Xi Jinping", result.Records.People["xi-jinping"].Name);
    }

    // ---- text that would misprint ----

    [Fact]
    public void Bidi_controls_are_removed_with_a_located_warning()
    {
        _folder.Edit(MeetingFile, "venue: Diaoyutai State Guesthouse", "venue: \"Diaoyutai \u202EState\u2066 Guesthouse\"");
        var result = _folder.Load();
        var warning = Only(result, DiagnosticCodes.BidiControl, "xi-lukashenko.yaml");
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(11, warning.Line);
        Assert.Contains("U+202E, U+2066", warning.Message);
        Assert.Equal("Diaoyutai State Guesthouse", result.Records.Meetings["2023-12-04-xi-lukashenko"].Place.Venue);
    }

    [Fact]
    public void An_unbreakable_word_longer_than_a_line_is_a_located_warning()
    {
        _folder.Edit("people/xi-jinping.yaml", "name: Xi Jinping", "name: " + new string('X', 2_000));
        var warning = Only(_folder.Load(), DiagnosticCodes.LongWord, "xi-jinping.yaml");
        Assert.Equal((2, 7), (warning.Line, warning.Column));
        Assert.Contains("2000 characters", warning.Message);
        Assert.True(warning.Message.Length < 300);
    }

    [Fact]
    public void A_diagnostic_is_one_line_whatever_the_value_holds()
    {
        // Found by the fuzzer (case 6987): a block scalar as a reference put its line break into the message.
        _folder.Edit(MeetingFile, "    sources: [report]\nanalysis:", "    sources: |\n      multi\n      line\nanalysis:");
        var error = Only(_folder.Load(), DiagnosticCodes.UnknownReference, "xi-lukashenko.yaml");
        Assert.Contains("unknown source 'multi\\nline", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Suggestions_stay_fast_for_long_values()
    {
        var long1 = new string('a', 300);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++) NameMatching.Nearest(long1 + i, [("x", long1), ("y", "Belarus")]);
        Assert.True(clock.Elapsed.TotalSeconds < 2);
        Assert.Equal("BLR", NameMatching.Nearest("Belaurs", [("BLR", "Belarus"), ("CHN", "China")]));
    }
}
