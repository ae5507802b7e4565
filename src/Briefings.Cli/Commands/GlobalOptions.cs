using System.CommandLine;
using System.Reflection;

namespace Briefings.Cli.Commands;

/// <summary>
/// Options every command takes (<c>--quiet</c>, <c>--verbose</c>), and where the program's own files are. Results go
/// to standard output; diagnostics and progress to standard error.
/// </summary>
public static class GlobalOptions
{
    /// <summary><c>--quiet</c>: results and errors only (no warnings, progress or hints).</summary>
    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Print results and errors only: no warnings, progress or hints",
        Recursive = true,
    };

    /// <summary><c>--verbose</c>: warnings too, and which folders a command uses.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Print warnings too, and which records and templates folders are used",
        Recursive = true,
    };

    public static bool IsQuiet(ParseResult parsed) => parsed.GetValue(Quiet);
    public static bool IsVerbose(ParseResult parsed) => parsed.GetValue(Verbose) && !parsed.GetValue(Quiet);

    /// <summary>The program's version, as <c>--version</c> prints it.</summary>
    public static string Version { get; } =
        typeof(GlobalOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    /// <summary>The folder the program runs from: the default templates and the record schemas ship there.</summary>
    public static string ProgramFolder => AppContext.BaseDirectory;

    /// <summary>The default templates and theme shipped with the program.</summary>
    public static string ShippedTemplates => Path.Combine(ProgramFolder, "templates");

    /// <summary>The JSON Schemas of the record kinds, shipped with the program.</summary>
    public static string ShippedSchemas => Path.Combine(ProgramFolder, "schema");
}
