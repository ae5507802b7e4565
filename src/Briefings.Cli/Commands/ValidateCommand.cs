using System.CommandLine;
using Briefings.Records;

namespace Briefings.Cli.Commands;

/// <summary><c>briefings validate [--data DIR]</c>: checks every record file and prints every problem.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var command = new Command("validate", "Check every record file and print every problem found, like a compiler") { data };
        command.SetAction(parsed =>
        {
            var folder = parsed.GetValue(data) ?? CommonOptions.DefaultDataFolder;
            var output = parsed.InvocationConfiguration.Output;
            var result = RecordLoader.Load(folder);
            foreach (var diagnostic in result.Diagnostics) output.WriteLine(diagnostic);
            var records = result.Records;
            output.WriteLine(
                $"{folder}: {CommonOptions.Plural(records.Countries.Count, "country")}, " +
                $"{CommonOptions.Plural(records.People.Count, "person")}, " +
                $"{CommonOptions.Plural(records.Meetings.Count, "meeting")}, " +
                $"{CommonOptions.Plural(records.Events.Count, "event")}, " +
                $"{CommonOptions.Plural(records.Sources.Count, "source")}; " +
                $"{CommonOptions.Plural(result.ErrorCount, "error")}, {CommonOptions.Plural(result.WarningCount, "warning")}");
            return result.HasErrors ? ExitCodes.InputError : ExitCodes.Success;
        });
        return command;
    }
}
