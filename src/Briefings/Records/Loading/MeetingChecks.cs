using System.Globalization;
using YamlDotNet.Core;

namespace Briefings.Records.Loading;

/// <summary>Consistency checks on a meeting that need the whole record set. All of them are warnings.</summary>
internal static class MeetingChecks
{
    /// <summary>The participant's recorded roles should cover the meeting date.</summary>
    public static void RoleCovers(RecordSet records, FileContext file, Mark at, string personId, DateOnly date, string meetingId)
    {
        if (!records.People.TryGetValue(personId, out var person)) return; // already reported as unknown
        if (person.RolesOn(date).Count > 0) return;
        var known = person.Roles.Count == 0
            ? "no roles are recorded"
            : "recorded roles: " + string.Join("; ", person.Roles.Select(Describe));
        file.Diagnostics.Warning(file.Path, at, DiagnosticCodes.RoleNotCovered,
            string.Create(CultureInfo.InvariantCulture, $"{person.Name} has no recorded role on {date:yyyy-MM-dd}, the date of meeting '{meetingId}' ({known})"));
    }

    /// <summary>A participant on the host side should serve the host country (and likewise for the guest).</summary>
    public static void SideMatches(RecordSet records, FileContext file, Mark at, string personId, Side side, string sideCountry)
    {
        // Unknown people or countries are reported already; comparing with them would only repeat that.
        if (!records.People.TryGetValue(personId, out var person)) return;
        if (!records.Countries.ContainsKey(person.Country) || !records.Countries.ContainsKey(sideCountry)) return;
        if (string.Equals(person.Country, sideCountry, StringComparison.OrdinalIgnoreCase)) return;
        file.Diagnostics.Warning(file.Path, at, DiagnosticCodes.SideMismatch,
            $"{person.Name} serves {person.Country} but is on the {ControlledList.ToYaml(side)} side, which is {sideCountry.ToUpperInvariant()}");
    }

    /// <summary>A statement's speaker should be among the participants or the delegation.</summary>
    public static void SpeakerPresent(RecordSet records, FileContext file, Mark at, string speakerId, IReadOnlyCollection<string> present)
    {
        if (!records.People.TryGetValue(speakerId, out var speaker) || present.Contains(speakerId)) return;
        file.Diagnostics.Warning(file.Path, at, DiagnosticCodes.SpeakerNotPresent,
            $"{speaker.Name} ('{speakerId}') speaks but is not a participant or delegation member of this meeting");
    }

    /// <summary>A partnership upgrade at a held meeting should agree with the countries' partnership history.</summary>
    public static void UpgradeRecorded(RecordSet records, FileContext file, Mark at, PartnershipLevel to, string host, string guest, DateOnly date)
    {
        if (!records.Countries.ContainsKey(host) || !records.Countries.ContainsKey(guest)) return;
        var recorded = records.PartnershipLevelOn(host, guest, date);
        if (recorded == to) return;
        var has = recorded is { } level ? $"'{ControlledList.ToYaml(level)}'" : "no level";
        file.Diagnostics.Warning(file.Path, at, DiagnosticCodes.PartnershipMismatch,
            string.Create(CultureInfo.InvariantCulture, $"the outcome raises relations to '{ControlledList.ToYaml(to)}' but the partnership history of {host.ToUpperInvariant()} and {guest.ToUpperInvariant()} has {has} on {date:yyyy-MM-dd}; add a step to the country's relations"));
    }

    private static string Describe(PersonRole role) =>
        $"{role.Title} {role.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"} to {role.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "now"}";
}
