using System.CommandLine;
using Briefings.Records;

namespace Briefings.Cli.Commands;

/// <summary>
/// <c>briefings validate [--data DIR] [--format text|json|sarif]</c>: checks every record file and prints every
/// problem. The problems are this command's result, so they go to standard output in every format.
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var format = new Option<string>("--format")
        {
            Description = "text (path:line:col: error CODE: message, and a summary), json (an array) or sarif (SARIF 2.1.0, for code scanning)",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "json", "sarif");
        var command = new Command("validate", "Check every record file and print every problem found, like a compiler") { data, format };
        command.SetAction(parsed =>
        {
            var folder = parsed.GetValue(data) ?? CommonOptions.DefaultDataFolder;
            var output = parsed.InvocationConfiguration.Output;
            var result = RecordLoader.Load(folder);
            switch (parsed.GetValue(format))
            {
                case "json":
                    output.WriteLine(DiagnosticReport.Json(result.Diagnostics));
                    break;
                case "sarif":
                    output.WriteLine(DiagnosticReport.Sarif(result.Diagnostics, GlobalOptions.Version, Environment.CurrentDirectory));
                    break;
                default:
                    var quiet = GlobalOptions.IsQuiet(parsed);
                    foreach (var diagnostic in result.Diagnostics.Where(d => !quiet || d.Severity == Severity.Error))
                        output.WriteLine(diagnostic);
                    var records = result.Records;
                    output.WriteLine(
                        $"{folder}: {CommonOptions.Plural(records.Countries.Count, "country")}, " +
                        $"{CommonOptions.Plural(records.People.Count, "person")}, " +
                        $"{CommonOptions.Plural(records.Meetings.Count, "meeting")}, " +
                        $"{CommonOptions.Plural(records.Events.Count, "event")}, " +
                        $"{CommonOptions.Plural(records.Sources.Count, "source")}; " +
                        $"{CommonOptions.Plural(result.ErrorCount, "error")}, {CommonOptions.Plural(result.WarningCount, "warning")}");
                    break;
            }
            return result.HasErrors ? ExitCodes.InputError : ExitCodes.Success;
        });
        return command;
    }
}
