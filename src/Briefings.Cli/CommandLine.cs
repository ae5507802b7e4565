using System.CommandLine;
using Briefings.Cli.Commands;

namespace Briefings.Cli;

/// <summary>Builds the command tree and runs it. Exit codes: 0 success, 1 failure in the input, 2 usage error.</summary>
public static class CommandLine
{
    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs with explicit writers, so callers (and tests) can capture what the command prints.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = BuildRoot();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
                error.WriteLine($"briefings: {problem.Message}");
            error.WriteLine("Run 'briefings --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
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

    /// <summary>The root command: one line per command, each built by the factory in its own file.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Briefings: merge diplomatic meeting records with templates into PDF and Word briefing packs.");
        root.Add(ValidateCommand.Create());
        root.Add(ListCommand.Create());
        root.Add(VisitCommand.Create());
        root.Add(CountryCommand.Create());
        return root;
    }
}
