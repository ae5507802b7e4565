using System.IO.Compression;
using System.Xml.Linq;
using Briefings.Cli;
using Xunit;

namespace Briefings.Integration.Tests;

/// <summary>
/// The `briefings` tool as a user gets it: packed, installed with `dotnet tool install --tool-path`, and run from an
/// empty folder with only --data. Its packs must be byte for byte the ones the repository's own run writes.
/// </summary>
[Collection(BuiltProgram.Collection)]
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
        // `dotnet pack` writes the package users install (it names one package per platform), the portable one and
        // the Linux x64 one; where a C toolchain is installed, the Linux x64 one is then packed natively compiled.
        var packages = Path.Combine(work, "packages");
        var project = Path.Combine(Repository.Root, "src", "Briefings.Cli", "Briefings.Cli.csproj");
        Run(Dotnet, ["pack", project, "-c", Configuration, "-o", packages, "-v", "quiet", "-nologo"], Repository.Root);
        var native = OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64
            && NativeToolchain.Found;
        if (native)
            // As released (an optimised native program is a third smaller than a debug one), and as ./briefings builds it.
            Run(Dotnet, ["pack", project, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", packages, "-v", "quiet", "-nologo"], Repository.Root);
        var version = GlobalVersion();
        Assert.Equal(
            [$"Briefings.Cli.{version}.nupkg", $"Briefings.Cli.any.{version}.nupkg", $"Briefings.Cli.linux-x64.{version}.nupkg"],
            Directory.GetFiles(packages, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        CheckPointer(Path.Combine(packages, $"Briefings.Cli.{version}.nupkg"));
        CheckPortable(Path.Combine(packages, $"Briefings.Cli.any.{version}.nupkg"));
        CheckLinux(Path.Combine(packages, $"Briefings.Cli.linux-x64.{version}.nupkg"), native);

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

        var installedFiles = PackOutputs.Files(Path.Combine(empty, "output"));
        var repositoryFiles = PackOutputs.Files(inRepository);
        Assert.Equal(repositoryFiles.Keys, installedFiles.Keys);
        Assert.Contains(installedFiles.Keys, f => f.EndsWith("visit-2023-12-04-xi-lukashenko.pdf", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(installedFiles.Keys, f => f.EndsWith("country-blr-as-of-2024-01-01.pdf", StringComparison.Ordinal));
        Assert.Contains("quarter-2023q4/digest-2023q4/digest-2023q4.docx", installedFiles.Keys);
        Assert.Contains("quarter-2023q4/index.json", installedFiles.Keys);
        foreach (var (name, path) in repositoryFiles)
            PackOutputs.AssertSame(name, path, installedFiles[name], "the installed tool", "the repository run");
    }

    /// <summary>The package users install: real metadata, and the platform packages it names.</summary>
    private static void CheckPointer(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var metadata = Metadata(zip);
        string Field(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("README.md", Field("readme"));
        Assert.StartsWith("The briefings command", Field("description"));
        Assert.Contains("dotnet-tool", Field("tags"));
        Assert.Contains(metadata.Elements(), e => e.Name.LocalName == "repository");
        Assert.Contains("README.md", zip.Entries.Select(e => e.FullName));
        var settings = zip.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        using var stream = settings.Open();
        var platforms = XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "RuntimeIdentifierPackage")
            .Select(e => e.Attribute("RuntimeIdentifier")!.Value).Order(StringComparer.Ordinal);
        Assert.Equal(["any", "linux-x64"], platforms);
    }

    /// <summary>The portable package: lean (no native debug symbols, native libraries for three platforms), with the templates.</summary>
    private static void CheckPortable(string package)
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
        Assert.Equal("MIT", Metadata(zip).Elements().Single(e => e.Name.LocalName == "license").Value);
    }

    /// <summary>The Linux x64 package: lean, with the templates; natively compiled when packed so.</summary>
    private static void CheckLinux(string package, bool native)
    {
        Assert.True(new FileInfo(package).Length < 30_000_000, $"the package is {new FileInfo(package).Length:N0} bytes");
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains(entries, e => e.EndsWith("/templates/visit-brief.sbn", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.EndsWith("/libSkiaSharp.so", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.EndsWith(".dbg", StringComparison.Ordinal));
        if (native)
        {
            Assert.Contains(entries, e => e.EndsWith("/Briefings.Cli", StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.EndsWith(".dll", StringComparison.Ordinal) || e.EndsWith(".pdb", StringComparison.Ordinal));
        }
    }

    private static XElement Metadata(ZipArchive zip)
    {
        var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string GlobalVersion() => Briefings.Cli.Commands.GlobalOptions.Version;

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH for test runs).</summary>
    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Run(string program, IEnumerable<string> arguments, string folder)
    {
        // The installed tool's launcher finds the runtime through DOTNET_ROOT: the one running these tests.
        var runtime = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var (exit, output, error) = ProgramRun.Start(program, arguments, folder, new Dictionary<string, string> { ["DOTNET_ROOT"] = runtime });
        Assert.True(exit == 0, $"{program} {string.Join(' ', arguments)} exited {exit}:\n{output}\n{error}");
        return output;
    }
}
