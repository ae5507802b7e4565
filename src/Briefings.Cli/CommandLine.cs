namespace Briefings.Cli;

/// <summary>Builds the command tree and runs it. Exit codes: 0 success, 1 failure in the input, 2 usage error.</summary>
public static class CommandLine
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("briefings: no commands yet");
        return 2;
    }
}
