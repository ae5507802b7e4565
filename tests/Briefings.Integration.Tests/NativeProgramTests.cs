using System.Text.RegularExpressions;
using Briefings.Cli;
using Xunit;
using Xunit.Abstractions;

namespace Briefings.Integration.Tests;

/// <summary>
/// The program the repository's <c>./briefings</c> builds and runs: compiled natively (Native AOT) where a C toolchain
/// is installed, which trims libraries and has no reflection-based serialiser and no JIT. It must print and write
/// exactly what the library does in process (these tests' own run): every sample pack in every format, the JSON
/// listings and plan, the SARIF of a broken record set, and the help text.
/// </summary>
[Collection(BuiltProgram.Collection)]
public sealed class NativeProgramTests(ITestOutputHelper log) : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("briefings-native-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public void The_built_program_writes_and_prints_what_the_library_does_in_process()
    {
        if (!OperatingSystem.IsLinux())
        {
            log.WriteLine("skipped: ./briefings is a bash launcher, tested on Linux");
            return;
        }
        var launcher = Path.Combine(Repository.Root, "briefings");
        // Builds the program if a source changed since its last build (natively where a C toolchain is installed).
        var (exitCode, version, messages) = Launch(launcher, ["--version"], Repository.Root);
        Assert.True(exitCode == 0, $"./briefings --version exited {exitCode}:\n{messages}");
        Assert.Equal(Briefings.Cli.Commands.GlobalOptions.Version, version.Trim());
        var program = Path.Combine(Repository.Root, "src", "Briefings.Cli", "bin", "launcher", "Briefings.Cli");
        var native = File.Exists(program) && !File.Exists(program + ".dll");
        log.WriteLine(native ? "the launcher built a native program" : "the launcher built a ReadyToRun program (no C toolchain found)");

        var broken = Directory.CreateDirectory(Path.Combine(work, "broken", "meetings")).FullName;
        File.WriteAllText(Path.Combine(broken, "2024-01-01-a-b.yaml"), "id: 2024-01-01-a-b\ndate: 2024-13-01\nkind: sideways\n");
        var brokenFolder = Path.GetDirectoryName(broken)!;

        var data = Path.Combine(Repository.Root, "data");
        var templates = Path.Combine(Repository.Root, "templates");
        string[][] commands =
        [
            // Every sample meeting's brief, every country's profile and a digest, in all three formats.
            ["quarter", "--from", "2000-01-01", "--to", "2024-06-30", "--as-of", "2024-06-30", "--format", "pdf,docx,md", "--quiet", "--out", "OUT/all", "--data", data, "--templates", templates],
            ["quarter", "2023Q4", "--audience", "public", "--format", "pdf,docx", "--quiet", "--out", "OUT/public", "--data", data, "--templates", templates],
            ["quarter", "2023Q3", "--plan", "--json", "--out", "OUT/plan", "--data", data, "--templates", templates],
            ["list", "meetings", "--json", "--data", data],
            ["list", "countries", "--json", "--data", data],
            ["list", "people", "--json", "--data", data],
            ["list", "meetings", "--quarter", "2023Q4", "--data", data],
            ["validate", "--data", brokenFolder, "--format", "sarif"],
            ["validate", "--data", brokenFolder, "--format", "json"],
            ["validate", "--data", brokenFolder],
            ["visit", "--help"],
        ];

        foreach (var command in commands)
        {
            // Run where these tests run: a SARIF log is relative to the working directory.
            var built = Launch(launcher, command.Select(a => a.Replace("OUT", Path.Combine(work, "built"))), Environment.CurrentDirectory);
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = CommandLine.Run([.. command.Select(a => a.Replace("OUT", Path.Combine(work, "library")))], output, error);
            var name = string.Join(' ', command);
            Assert.True(exit == built.Exit, $"briefings {name}: exit {built.Exit} from the built program, {exit} in process\n{built.Error}\n{error}");
            // In process, the help names the test host where the program names itself.
            Assert.Equal(Printed(output.ToString(), "library").Replace("testhost ", "briefings "), Printed(built.Output, "built"));
            Assert.Equal(Printed(error.ToString(), "library"), Printed(built.Error, "built"));
        }

        var builtFiles = PackOutputs.Files(Path.Combine(work, "built"));
        var libraryFiles = PackOutputs.Files(Path.Combine(work, "library"));
        Assert.Equal(libraryFiles.Keys, builtFiles.Keys);
        Assert.Contains(builtFiles.Keys, f => f.EndsWith(".pdf", StringComparison.Ordinal) && f.Contains("/country-", StringComparison.Ordinal));
        Assert.Contains(builtFiles.Keys, f => f.EndsWith(".docx", StringComparison.Ordinal) && f.Contains("/digest-", StringComparison.Ordinal));
        Assert.True(builtFiles.Count > 40, $"only {builtFiles.Count} files were written");
        foreach (var (file, path) in libraryFiles)
            PackOutputs.AssertSame(file, path, builtFiles[file], "the built program", "the library");
    }

    [Fact]
    public void The_built_program_draws_with_Skias_fontconfig_build_where_fontconfig_is_installed()
    {
        if (!OperatingSystem.IsLinux() || Briefings.Figures.SkiaLibrary.FontconfigPlatform() is null)
        {
            log.WriteLine("skipped: the fontconfig build is chosen on glibc Linux (x64, Arm64) only");
            return;
        }
        var launcher = Path.Combine(Repository.Root, "briefings");
        var (exitCode, _, messages) = Launch(launcher, ["--version"], Repository.Root);
        Assert.True(exitCode == 0, $"./briefings --version exited {exitCode}:\n{messages}");
        var folder = Path.Combine(Repository.Root, "src", "Briefings.Cli", "bin", "launcher");
        var fontconfigBuild = Path.Combine(folder, Briefings.Figures.SkiaLibrary.FontconfigFolder,
            Briefings.Figures.SkiaLibrary.FontconfigPlatform()!, "libSkiaSharp.so");
        Assert.True(File.Exists(fontconfigBuild), $"{fontconfigBuild} was not published beside the program");
        Assert.True(File.Exists(Path.Combine(folder, Briefings.Figures.SkiaLibrary.FontconfigFolder, "LICENSE.txt")));

        // The dynamic loader reports every library it opens; a country profile draws two charts.
        var report = Path.Combine(work, "loader");
        var run = ProgramRun.Start(Path.Combine(folder, "Briefings.Cli"),
            ["country", "CHN", "--format", "pdf,docx", "--out", Path.Combine(work, "out"), "--quiet",
             "--data", Path.Combine(Repository.Root, "data"), "--templates", Path.Combine(Repository.Root, "templates")],
            work, new Dictionary<string, string> { ["LD_DEBUG"] = "files", ["LD_DEBUG_OUTPUT"] = report });
        Assert.True(run.Exit == 0, $"country CHN exited {run.Exit}:\n{run.Error}");
        var opened = string.Join('\n', Directory.GetFiles(work, "loader.*").Select(File.ReadAllText))
            .Split('\n').Where(l => l.Contains("opening file=", StringComparison.Ordinal)).ToList();
        var skia = opened.Where(l => l.Contains("libSkiaSharp.so", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(skia);
        bool fontconfig = System.Runtime.InteropServices.NativeLibrary.TryLoad("libfontconfig.so.1", out _);
        log.WriteLine($"libfontconfig.so.1 {(fontconfig ? "is" : "is not")} installed; the program opened:\n{string.Join('\n', skia)}");
        // One build only, never both: the fontconfig one where fontconfig is installed, else the default one.
        Assert.All(skia, l => Assert.Equal(fontconfig, l.Contains(fontconfigBuild, StringComparison.Ordinal)));
    }

    /// <summary>What a command printed, with its output folder and a batch's elapsed time ("in 0.7 s") made neutral.</summary>
    private string Printed(string text, string folder) =>
        Regex.Replace(text.Replace(Path.Combine(work, folder), "OUT"), @" in [0-9]+\.[0-9] s$", " in T s", RegexOptions.Multiline);

    /// <summary>Runs the bash launcher, which builds with the SDK running these tests.</summary>
    private static (int Exit, string Output, string Error) Launch(string launcher, IEnumerable<string> arguments, string folder)
    {
        var environment = new Dictionary<string, string>();
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host)
            environment["PATH"] = Path.GetDirectoryName(host) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        return ProgramRun.Start("bash", [launcher, .. arguments], folder, environment);
    }
}
