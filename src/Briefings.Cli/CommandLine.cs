using System.CommandLine;
using System.CommandLine.Invocation;
using Briefings.Cli.Commands;

namespace Briefings.Cli;

/// <summary>Builds the command tree and runs it. Exit codes: 0 success, 1 failure in the input, 2 usage error.</summary>
public static class CommandLine
{
    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs with explicit writers, so callers (and tests) can capture what the command prints.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        // A command named first is the only one built: the others' options and arguments are never looked at.
        var root = BuildRoot(args.Length > 0 ? args[0] : null);
        // No arguments: the command list, as --help prints it.
        var parsed = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
                error.WriteLine($"briefings: {problem.Message}");
            foreach (var hint in OptionHints(parsed))
                error.WriteLine($"briefings: {hint}");
            error.WriteLine("Run 'briefings --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                // Ctrl+C cancels the command's token; a batch lets the packs under way finish (well under this).
                ProcessTerminationTimeout = TimeSpan.FromSeconds(60),
            });
        }
        catch (UsageException e)
        {
            error.WriteLine($"briefings: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"briefings: {e.Message}");
            return ExitCodes.InputError;
        }
    }

    /// <summary>For a mistyped option ("--frm"), the nearest option the command does have.</summary>
    private static IEnumerable<string> OptionHints(ParseResult parsed)
    {
        var known = parsed.CommandResult.Command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct().ToList();
        foreach (var token in parsed.UnmatchedTokens.Where(t => t.StartsWith('-')))
        {
            var nearest = known
                .Select(name => (Name: name, Distance: Briefings.Records.NameMatching.Distance(token, name)))
                .Where(x => x.Distance <= 2)
                .OrderBy(x => x.Distance)
                .Select(x => x.Name)
                .FirstOrDefault();
            if (nearest is not null) yield return $"did you mean '{nearest}' instead of '{token}'?";
        }
    }

    /// <summary>The commands by name, each built by the factory in its own file.</summary>
    internal static readonly (string Name, Func<Command> Create)[] Commands =
    [
        ("validate", ValidateCommand.Create),
        ("list", ListCommand.Create),
        ("visit", VisitCommand.Create),
        ("country", CountryCommand.Create),
        ("quarter", QuarterCommand.Create),
        ("index", IndexCommand.Create),
        ("init", InitCommand.Create),
    ];

    /// <summary>The root command with every command.</summary>
    public static RootCommand BuildRoot() => BuildRoot(null);

    /// <summary>
    /// The root command: with every command, or only the one named <paramref name="command"/> when it names one (what a
    /// command line that starts with it can reach; help, errors and the command's own options are the same).
    /// </summary>
    public static RootCommand BuildRoot(string? command)
    {
        var root = new RootCommand("Briefings: merge diplomatic meeting records with templates into PDF and Word briefing packs.");
        var only = Array.FindIndex(Commands, c => c.Name == command);
        foreach (var (_, create) in only >= 0 ? [Commands[only]] : Commands)
            root.Add(create());
        root.Add(GlobalOptions.Quiet);
        root.Add(GlobalOptions.Verbose);
        // --version prints this program's version (the parser's own would name whichever program hosts it).
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersion();
        return root;
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(GlobalOptions.Version);
            return ExitCodes.Success;
        }
    }
}
