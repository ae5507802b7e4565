using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Briefings.Records;

namespace Briefings.Cli.Commands;

public static class ExitCodes
{
    public const int Success = 0;
    public const int InputError = 1;
    public const int Usage = 2;
}

/// <summary>A bad value the parser could not catch (e.g. an unknown country); reported as a usage error (exit 2).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Options and helpers shared by commands that read the records folder.</summary>
public static class CommonOptions
{
    public const string DefaultDataFolder = "data/";

    /// <summary><c>--data DIR</c>: the records folder, <c>data/</c> by default.</summary>
    public static Option<string> Data() => new("--data")
    {
        Description = "Records folder (countries/, people/, meetings/, events/, sources/)",
        HelpName = "DIR",
        DefaultValueFactory = _ => DefaultDataFolder,
    };

    /// <summary>An ISO date option (<c>YYYY-MM-DD</c>); other spellings are usage errors.</summary>
    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            result.AddError($"'{text}' is not a date for {name}: write YYYY-MM-DD, e.g. 2023-12-04");
            return null;
        },
    };

    /// <summary>A quarter option (<c>2023Q3</c>).</summary>
    public static Option<Quarter?> QuarterOption(string name = "--quarter") => new(name)
    {
        Description = "Calendar quarter, e.g. 2023Q3",
        HelpName = "YYYYQn",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Quarter.TryParse(text, out var quarter)) return quarter;
            result.AddError($"'{text}' is not a quarter for {name}: write it like 2023Q3");
            return null;
        },
    };

    /// <summary>
    /// Loads the records folder. Errors (and warnings when <paramref name="showWarnings"/>) go to the error
    /// writer; returns null when the records have errors, so the caller exits with <see cref="ExitCodes.InputError"/>.
    /// </summary>
    public static RecordSet? LoadRecords(string folder, TextWriter error, bool showWarnings = false)
    {
        var result = RecordLoader.Load(folder);
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Severity == Severity.Error || showWarnings) error.WriteLine(diagnostic);
        }
        if (!result.HasErrors) return result.Records;
        error.WriteLine($"briefings: {Plural(result.ErrorCount, "error")} in '{folder}'; run 'briefings validate --data {folder}' for details");
        return null;
    }

    /// <summary>Loads the folder named by the command's <c>--data</c> option, printing errors to the command's error writer.</summary>
    public static RecordSet? LoadRecords(ParseResult parsed, Option<string> data)
    {
        var folder = parsed.GetValue(data) ?? DefaultDataFolder;
        var verbose = GlobalOptions.IsVerbose(parsed);
        if (verbose)
            parsed.InvocationConfiguration.Error.WriteLine($"briefings: records from {folder}");
        return LoadRecords(folder, parsed.InvocationConfiguration.Error, showWarnings: verbose);
    }

    /// <summary>Resolves a country given by code, name or alias; unknown or ambiguous names are usage errors.</summary>
    public static Country ResolveCountry(RecordSet records, string text) =>
        Resolved(records.ResolveCountry(text), "country", c => c.Code, c => c.Name);

    /// <summary>Resolves a person given by id, name or alias; unknown or ambiguous names are usage errors.</summary>
    public static Person ResolvePerson(RecordSet records, string text) =>
        Resolved(records.ResolvePerson(text), "person", p => p.Id, p => p.Name);

    private static T Resolved<T>(NameResolution<T> resolution, string kind, Func<T, string> id, Func<T, string> name) where T : class
    {
        if (resolution.IsResolved) return resolution.Value;
        var text = resolution.Query;
        if (resolution.IsAmbiguous)
            throw new UsageException($"{kind} '{text}' is ambiguous: it could be {string.Join(" or ", resolution.Matches.Select(m => $"{id(m)} ({name(m)})"))}");
        var hint = resolution.Suggestion is { } near ? $": did you mean '{id(near)}' ({name(near)})?" : "";
        throw new UsageException($"unknown {kind} '{text}'{hint}");
    }

    /// <summary>"1 country", "2 countries", "3 people": Humanizer's English plurals, as the templates use.</summary>
    public static string Plural(int count, string noun) =>
        $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Briefings.Templates.Nouns.For(count, noun)}";
}
