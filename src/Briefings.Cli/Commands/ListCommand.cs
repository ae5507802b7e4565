using System.Globalization;
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Briefings.Records;

namespace Briefings.Cli.Commands;

/// <summary><c>briefings list meetings|countries|people</c>: what the records folder holds, as a table or JSON.</summary>
public static class ListCommand
{
    public static Command Create() => new("list", "List records")
    {
        Meetings(),
        Countries(),
        People(),
    };

    private static Command Meetings()
    {
        var data = CommonOptions.Data();
        var country = new Option<string?>("--country") { Description = "Only meetings with this country (ISO code, name or alias)", HelpName = "CODE" };
        var person = new Option<string?>("--person") { Description = "Only meetings with this person (id, name or alias)", HelpName = "PERSON" };
        var quarter = CommonOptions.QuarterOption();
        var from = CommonOptions.Date("--from", "Only meetings on or after this date");
        var to = CommonOptions.Date("--to", "Only meetings on or before this date");
        var status = new Option<string?>("--status") { Description = "Only meetings with this status", HelpName = "STATUS" };
        status.AcceptOnlyFromAmong([.. ControlledList.YamlNames<MeetingStatus>()]);
        var kind = new Option<string?>("--kind") { Description = "Only meetings of this kind, e.g. state_visit", HelpName = "KIND" };
        kind.AcceptOnlyFromAmong([.. ControlledList.YamlNames<MeetingKind>()]);
        var json = JsonOption();
        var command = new Command("meetings", "List meetings in date order") { data, country, person, quarter, from, to, status, kind, json };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(from) is { } f && parsed.GetValue(to) is { } t && t < f)
                throw new UsageException($"--to {t:yyyy-MM-dd} is before --from {f:yyyy-MM-dd}");
            var records = CommonOptions.LoadRecords(parsed, data);
            if (records is null) return ExitCodes.InputError;

            IEnumerable<Meeting> meetings = records.MeetingsBetween(parsed.GetValue(from), parsed.GetValue(to));
            if (parsed.GetValue(quarter) is { } q) meetings = meetings.Intersect(records.MeetingsIn(q));
            if (parsed.GetValue(country) is { } countryName)
            {
                var code = CommonOptions.ResolveCountry(records, countryName).Code;
                meetings = meetings.Where(m => m.Involves(code));
            }
            if (parsed.GetValue(person) is { } personName)
            {
                var id = CommonOptions.ResolvePerson(records, personName).Id;
                meetings = meetings.Where(m => m.HasParticipant(id));
            }
            if (parsed.GetValue(status) is { } statusName && ControlledList.TryParse<MeetingStatus>(statusName, out var wantedStatus))
                meetings = meetings.Where(m => m.Status == wantedStatus);
            if (parsed.GetValue(kind) is { } kindName && ControlledList.TryParse<MeetingKind>(kindName, out var wantedKind))
                meetings = meetings.Where(m => m.Kind == wantedKind);
            return Print(parsed, json, meetings.ToList(),
                m => new MeetingListing(
                    m.Id,
                    Iso(m.Date),
                    m.EndDate is { } end ? Iso(end) : null,
                    ControlledList.ToYaml(m.Kind),
                    ControlledList.ToYaml(m.Status),
                    m.Countries,
                    m.Host,
                    m.Guest,
                    m.Title,
                    new PlaceListing(m.Place.City, m.Place.Country, m.Place.Venue),
                    m.Event,
                    m.Participants.Select(p => p.Person).ToList()),
                CliJsonContext.Output.ListMeetingListing,
                ["DATE", "ID", "KIND", "STATUS", "COUNTRIES", "TITLE"],
                m => [Iso(m.Date), m.Id, ControlledList.ToWords(m.Kind), ControlledList.ToWords(m.Status), string.Join(",", m.Countries), m.Title],
                "meeting");
        });
        return command;
    }

    private static Command Countries()
    {
        var data = CommonOptions.Data();
        var json = JsonOption();
        var command = new Command("countries", "List countries") { data, json };
        command.SetAction(parsed =>
        {
            var records = CommonOptions.LoadRecords(parsed, data);
            if (records is null) return ExitCodes.InputError;
            return Print(parsed, json, records.Countries.Values.OrderBy(c => c.Code, StringComparer.Ordinal).ToList(),
                c => new CountryListing(c.Code, c.Name, c.FullName, c.Capital, c.Region, c.Aliases, records.MeetingsWithCountry(c.Code).Count),
                CliJsonContext.Output.ListCountryListing,
                ["CODE", "NAME", "CAPITAL", "REGION", "MEETINGS"],
                c => [c.Code, c.Name, c.Capital ?? "", c.Region ?? "", records.MeetingsWithCountry(c.Code).Count.ToString(CultureInfo.InvariantCulture)],
                "country");
        });
        return command;
    }

    private static Command People()
    {
        var data = CommonOptions.Data();
        var json = JsonOption();
        var command = new Command("people", "List people") { data, json };
        command.SetAction(parsed =>
        {
            var records = CommonOptions.LoadRecords(parsed, data);
            if (records is null) return ExitCodes.InputError;
            return Print(parsed, json, records.People.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToList(),
                p => new PersonListing(p.Id, p.Name, p.Country, p.Aliases, records.MeetingsWithPerson(p.Id).Count),
                CliJsonContext.Output.ListPersonListing,
                ["ID", "NAME", "COUNTRY", "MEETINGS"],
                p => [p.Id, p.Name, p.Country, records.MeetingsWithPerson(p.Id).Count.ToString(CultureInfo.InvariantCulture)],
                "person");
        });
        return command;
    }

    private static Option<bool> JsonOption() => new("--json") { Description = "Print a JSON array instead of a table" };

    /// <summary>Prints the items as a JSON array, or as a table followed by how many there are.</summary>
    private static int Print<T, TJson>(ParseResult parsed, Option<bool> json, IReadOnlyList<T> items,
        Func<T, TJson> toJson, JsonTypeInfo<List<TJson>> jsonType, string[] header, Func<T, string[]> toRow, string noun)
    {
        var output = parsed.InvocationConfiguration.Output;
        if (parsed.GetValue(json))
        {
            output.WriteLine(JsonSerializer.Serialize(items.Select(toJson).ToList(), jsonType));
            return ExitCodes.Success;
        }
        WriteTable(output, header, items.Select(toRow));
        output.WriteLine(CommonOptions.Plural(items.Count, noun));
        return ExitCodes.Success;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Left-aligned columns two spaces apart; the last column is not padded.</summary>
    private static void WriteTable(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
