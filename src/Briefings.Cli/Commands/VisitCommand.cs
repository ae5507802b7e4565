using System.CommandLine;
using Briefings.Packs;

namespace Briefings.Cli.Commands;

/// <summary><c>briefings visit MEETING_ID</c>: the brief for one meeting.</summary>
public static class VisitCommand
{
    public static Command Create()
    {
        var meeting = new Argument<string>("MEETING_ID") { Description = "Meeting id, e.g. 2023-12-04-xi-lukashenko (see 'briefings list meetings')" };
        var options = new PackOptions("today");
        var command = new Command("visit", "Render the visit brief for one meeting") { meeting };
        options.AddTo(command);
        command.SetAction(parsed => options.Run(parsed, new VisitPackRequest(parsed.GetValue(meeting)!)));
        return command;
    }
}
