using System.Reflection;
using Briefings.Cli;
using Briefings.Cli.Commands;

namespace Briefings.Records.Tests;

/// <summary>What every command shares: the command list, --version, and --quiet/--verbose on standard error.</summary>
public sealed class RootCommandTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("briefings-root-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(output, recursive: true); } catch (IOException) { }
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void No_arguments_print_the_command_list()
    {
        var (exit, stdout, stderr) = Run();
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Contains("Commands:", stdout);
        foreach (var command in CommandLine.BuildRoot().Subcommands)
            Assert.Contains($"  {command.Name} ", stdout);
        Assert.Contains("--quiet", stdout);
        Assert.Contains("--verbose", stdout);
    }

    [Fact]
    public void A_command_named_first_is_built_alone_and_helps_as_in_the_whole_tree()
    {
        static string Help(System.CommandLine.RootCommand root, params string[] args)
        {
            var stdout = new StringWriter();
            root.Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = new StringWriter() });
            return stdout.ToString();
        }
        var all = CommandLine.BuildRoot();
        Assert.True(all.Subcommands.Count >= 7);
        foreach (var command in all.Subcommands)
        {
            var alone = CommandLine.BuildRoot(command.Name);
            var single = Assert.Single(alone.Subcommands);
            Assert.Equal(command.Name, single.Name);
            Assert.Equal(command.Options.Select(o => o.Name), single.Options.Select(o => o.Name));
            Assert.Equal(command.Subcommands.Select(c => c.Name), single.Subcommands.Select(c => c.Name));
            Assert.Equal(Help(all, command.Name, "--help"), Help(alone, command.Name, "--help"));
        }
        // Anything else (an option, a mistyped command) gets the whole tree.
        Assert.Equal(all.Subcommands.Count, CommandLine.BuildRoot("--help").Subcommands.Count);
        Assert.Equal(all.Subcommands.Count, CommandLine.BuildRoot("vist").Subcommands.Count);
        var (exit, _, stderr) = Run("vist", "2023-12-04-xi-lukashenko");
        Assert.Equal(2, exit);
        Assert.Contains("'vist'", stderr);
    }

    [Fact]
    public void Version_prints_the_package_version_alone()
    {
        var (exit, stdout, _) = Run("--version");
        Assert.Equal(0, exit);
        var expected = typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(expected, stdout.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", stdout.Trim());
        Assert.Equal(GlobalOptions.Version, stdout.Trim());
    }

    [Fact]
    public void Verbose_names_the_folders_on_standard_error_and_quiet_silences_it()
    {
        string[] visit = ["visit", "2023-12-04-xi-lukashenko", "--data", Repository.Data, "--format", "md", "--out", output];

        var verbose = Run([.. visit, "--verbose"]);
        Assert.Equal(0, verbose.Exit);
        Assert.Contains($"briefings: records from {Repository.Data}", verbose.Err);
        Assert.Contains("briefings: templates from ", verbose.Err);
        Assert.DoesNotContain("briefings:", verbose.Out);
        Assert.EndsWith(".md", verbose.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim());

        var quiet = Run([.. visit, "--verbose", "--quiet"]);
        Assert.Equal(0, quiet.Exit);
        Assert.Equal("", quiet.Err);
        Assert.Equal(verbose.Out, quiet.Out);
    }
}
