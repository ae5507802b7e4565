using System.CommandLine;
using Briefings.Packs;

namespace Briefings.Cli.Commands;

/// <summary>
/// <c>briefings init [DIR] [--templates]</c>: a new folder with example records of each kind, their schemas for
/// editors and a <c>.gitignore</c>; with <c>--templates</c> a copy of the default templates and theme to customise.
/// </summary>
public static class InitCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("DIR")
        {
            Description = "Folder to set up (created if missing; default: the current folder)",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        };
        var templates = new Option<bool>("--templates") { Description = "Also copy the default templates and theme into DIR/templates to customise" };
        var command = new Command("init", "Set up a new records folder: example records, schemas for editors, .gitignore") { folder, templates };
        command.SetAction(parsed =>
        {
            var target = parsed.GetValue(folder) ?? ".";
            var stdout = parsed.InvocationConfiguration.Output;
            var stderr = parsed.InvocationConfiguration.Error;
            IReadOnlyList<string> written;
            try
            {
                written = ProjectScaffold.Create(target,
                    Path.Combine(GlobalOptions.ProgramFolder, "Scaffold"),
                    GlobalOptions.ShippedSchemas,
                    parsed.GetValue(templates) ? GlobalOptions.ShippedTemplates : null);
            }
            catch (PackException e)
            {
                PackOptions.Print(stderr, e.Diagnostics);
                return ExitCodes.InputError;
            }
            foreach (var file in written)
                stdout.WriteLine(Path.Combine(target, file));
            if (!GlobalOptions.IsQuiet(parsed))
            {
                var cd = target == "." ? "" : $"cd {target} && ";
                stderr.WriteLine($"briefings: next: {cd}briefings validate && briefings visit 2024-03-12-laine-kask");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
