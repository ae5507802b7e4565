using System.CommandLine;
using Briefings.Packs;

namespace Briefings.Cli.Commands;

/// <summary><c>briefings country CODE</c>: the profile of one country (ISO code, name or alias).</summary>
public static class CountryCommand
{
    public static Command Create()
    {
        var country = new Argument<string>("CODE") { Description = "Country code, name or alias, e.g. KAZ or Kazakhstan" };
        var options = new PackOptions("today");
        var command = new Command("country", "Render the profile of one country") { country };
        options.AddTo(command);
        command.SetAction(parsed => options.Run(parsed, new CountryPackRequest(parsed.GetValue(country)!)));
        return command;
    }
}
