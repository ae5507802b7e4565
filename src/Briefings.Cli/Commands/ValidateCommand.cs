using System.CommandLine;
using Briefings.Documents;
using Briefings.Pdf;
using Briefings.Records;
using Briefings.Themes;

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
        var templates = new Option<string>("--templates")
        {
            Description = "Templates folder whose theme's fonts record text is checked against (skipped when the folder does not exist)",
            HelpName = "DIR",
            DefaultValueFactory = _ => "templates/",
        };
        var format = new Option<string>("--format")
        {
            Description = "text (path:line:col: error CODE: message, and a summary), json (an array) or sarif (SARIF 2.1.0, for code scanning)",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "json", "sarif");
        var command = new Command("validate", "Check every record file and print every problem found, like a compiler") { data, templates, format };
        command.SetAction(parsed =>
        {
            var folder = parsed.GetValue(data) ?? CommonOptions.DefaultDataFolder;
            var output = parsed.InvocationConfiguration.Output;
            var coverage = Coverage(parsed.GetValue(templates) ?? "templates/", parsed.InvocationConfiguration.Error);
            var result = RecordLoader.Load(folder, RecordLimits.Default, coverage);
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

    /// <summary>The PDF writer's fonts for the theme in the templates folder; null (with a note) when there is none to check against.</summary>
    private static PdfGlyphCoverage? Coverage(string templatesFolder, TextWriter error)
    {
        if (!Directory.Exists(templatesFolder))
            return null;
        try
        {
            return new PdfGlyphCoverage(ThemeLoader.LoadFromFolder(templatesFolder).Fonts);
        }
        catch (ThemeException e)
        {
            PackOptions.Print(error, e.Diagnostics);
        }
        catch (DocumentWriteException e)
        {
            PackOptions.Print(error, e.Diagnostics);
        }
        error.WriteLine("briefings: record text is not checked against the theme's fonts");
        return null;
    }
}
