using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using Briefings.Cli;
using Xunit;

namespace Briefings.Integration.Tests;

/// <summary>
/// The `briefings` tool as a user gets it: packed, installed with `dotnet tool install --tool-path`, and run from an
/// empty folder with only --data. Its packs must be byte for byte the ones the repository's own run writes.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string work = Directory.CreateTempSubdirectory("briefings-tool-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public void The_installed_tool_renders_a_visit_a_country_and_a_quarter_from_an_empty_folder_identical_to_the_repository_run()
    {
        // Pack the CLI as built for this test run (the tests build it; packing again from source would only repeat that).
        var packages = Path.Combine(work, "packages");
        Run(Dotnet, ["pack", Path.Combine(Repository.Root, "src", "Briefings.Cli", "Briefings.Cli.csproj"),
            "-c", Configuration, "--no-build", "-o", packages, "-v", "quiet", "-nologo"], Repository.Root);
        var package = Assert.Single(Directory.GetFiles(packages, "Briefings.Cli.*.nupkg"));
        var version = Path.GetFileNameWithoutExtension(package)["Briefings.Cli.".Length..];
        Assert.Equal(GlobalVersion(), version);
        CheckPackage(package);

        // Install it from that folder alone (no other package source is consulted).
        var config = Path.Combine(work, "nuget.config");
        File.WriteAllText(config,
            $"""<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>""");
        var tools = Path.Combine(work, "tools");
        Run(Dotnet, ["tool", "install", "Briefings.Cli", "--tool-path", tools, "--configfile", config, "--version", version], work);
        var briefings = Path.Combine(tools, OperatingSystem.IsWindows() ? "briefings.exe" : "briefings");

        var empty = Directory.CreateDirectory(Path.Combine(work, "empty")).FullName;
        Assert.Equal(version, Run(briefings, ["--version"], empty).Trim());

        var data = Path.Combine(Repository.Root, "data");
        string[][] commands =
        [
            ["visit", "2023-12-04-xi-lukashenko", "--data", data, "--format", "pdf,docx,md"],
            ["country", "BLR", "--data", data, "--as-of", "2024-01-01", "--format", "pdf,docx,md"],
            // The quarter in Markdown and Word only: its PDFs come from the same writer as the two packs above.
            ["quarter", "2023Q4", "--data", data, "--format", "md,docx", "--quiet"],
        ];
        foreach (var command in commands)
            Run(briefings, command, empty);
        Assert.False(Directory.Exists(Path.Combine(empty, "templates")), "the tool must not need a templates folder");

        // The repository's own run: the same commands with the repository's templates folder.
        var inRepository = Path.Combine(work, "repository-output");
        foreach (var command in commands)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = CommandLine.Run([.. command, "--templates", Path.Combine(Repository.Root, "templates"), "--out", inRepository], output, error);
            Assert.True(exit == 0, $"briefings {string.Join(' ', command)} exited {exit}: {error}");
        }

        var installedFiles = PackFiles(Path.Combine(empty, "output"));
        var repositoryFiles = PackFiles(inRepository);
        Assert.Equal(repositoryFiles.Keys, installedFiles.Keys);
        Assert.Contains(installedFiles.Keys, f => f.EndsWith("visit-2023-12-04-xi-lukashenko.pdf", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(installedFiles.Keys, f => f.EndsWith("country-blr-as-of-2024-01-01.pdf", StringComparison.Ordinal));
        Assert.Contains("quarter-2023q4/digest-2023q4/digest-2023q4.docx", installedFiles.Keys);
        Assert.Contains("quarter-2023q4/index.json", installedFiles.Keys);
        foreach (var (name, path) in repositoryFiles)
            Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(File.ReadAllBytes(installedFiles[name])), $"{name} differs between the installed tool and the repository run");
    }

    /// <summary>Lean and described: no native debug symbols, native libraries for three platforms, real metadata.</summary>
    private static void CheckPackage(string package)
    {
        Assert.True(new FileInfo(package).Length < 30_000_000, $"the package is {new FileInfo(package).Length:N0} bytes");
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.DoesNotContain(entries, e => e.Contains("/runtimes/", StringComparison.Ordinal) && e.EndsWith(".pdb", StringComparison.Ordinal));
        var platforms = entries.Where(e => e.Contains("/runtimes/", StringComparison.Ordinal))
            .Select(e => e.Split("/runtimes/")[1].Split('/')[0]).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["linux-x64", "osx", "win-x64"], platforms);
        Assert.Contains("tools/net10.0/any/templates/visit-brief.sbn", entries);
        Assert.Contains("tools/net10.0/any/templates/theme.yaml", entries);
        Assert.Contains("README.md", entries);

        var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Field(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("README.md", Field("readme"));
        Assert.StartsWith("The briefings command", Field("description"));
        Assert.Contains("dotnet-tool", Field("tags"));
        Assert.Contains(metadata.Elements(), e => e.Name.LocalName == "repository");
    }

    private static string GlobalVersion() => Briefings.Cli.Commands.GlobalOptions.Version;

    /// <summary>Every file of every pack folder, by its path relative to the output folder.</summary>
    private static Dictionary<string, string> PackFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), f => f);

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH for test runs).</summary>
    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Run(string program, IEnumerable<string> arguments, string folder)
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
        // The installed tool's launcher finds the runtime through DOTNET_ROOT: the one running these tests.
        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}:\n{output}\n{error.Result}");
        return output;
    }
}
