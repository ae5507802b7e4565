using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace Briefings.Integration.Tests;

/// <summary>
/// Tests that build the program (./briefings, `dotnet pack`) share its intermediate folders, so they run one after
/// the other, never side by side.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class BuiltProgram
{
    public const string Collection = "the built program";
}

/// <summary>Whether this machine can compile the program natively: the C toolchain ./briefings looks for.</summary>
internal static class NativeToolchain
{
    public static bool Found => OnPath("clang") || (OnPath("gcc") && OnPath("objcopy"));

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}

/// <summary>Pack folders written by two runs, compared as a reader of the packs would.</summary>
internal static class PackOutputs
{
    /// <summary>Every file of every pack folder, by its path relative to the output folder.</summary>
    public static Dictionary<string, string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), f => f);

    /// <summary>
    /// Documents must be the same bytes. A manifest names the build that wrote it (its assemblies' identities, which
    /// differ between two builds of the same sources in different folders) and an index holds the manifests' hashes:
    /// those are compared without that line and those hashes.
    /// </summary>
    public static void AssertSame(string name, string expectedPath, string actualPath, string actualRun, string expectedRun)
    {
        var expected = File.ReadAllBytes(expectedPath);
        var actual = File.ReadAllBytes(actualPath);
        if (name.EndsWith(".json", StringComparison.Ordinal))
        {
            Assert.Equal(WithoutBuild(expected), WithoutBuild(actual));
            return;
        }
        Assert.True(expected.AsSpan().SequenceEqual(actual), $"{name} differs between {actualRun} and {expectedRun}");
    }

    private static string WithoutBuild(byte[] json)
    {
        var text = string.Join('\n', System.Text.Encoding.UTF8.GetString(json).Split('\n')
            .Where(l => !l.TrimStart().StartsWith("\"tool\":", StringComparison.Ordinal)));
        return Regex.Replace(text, "(\"file\": \"[^\"]*manifest\\.json\",[^}]*?\"sha256\": \")[0-9a-f]+", "$1");
    }
}

/// <summary>Runs a program the way a user's shell would, and captures what it prints.</summary>
internal static class ProgramRun
{
    /// <summary>
    /// Runs <paramref name="program"/> in <paramref name="folder"/> with the SDK's telemetry and banner off and the given
    /// variables set; returns its exit code and both outputs, read in full.
    /// </summary>
    public static (int Exit, string Output, string Error) Start(string program, IEnumerable<string> arguments, string folder,
        IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
