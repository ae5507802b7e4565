namespace Briefings.Records;

// Controlled lists. In YAML each value is written in snake_case (state_visit, comprehensive_strategic_partnership);
// ControlledList converts between the two spellings.

/// <summary>Kinds of meeting, after the visit kinds of official records and the PLOVER/CAMEO distinctions.</summary>
public enum MeetingKind
{
    StateVisit,
    OfficialVisit,
    OfficialWorkingVisit,
    WorkingVisit,
    PrivateVisit,
    /// <summary>Talks on the sidelines of a multilateral event.</summary>
    Sidelines,
    /// <summary>A meeting outside any visit, e.g. an official receiving an ambassador.</summary>
    BilateralMeeting,
    PhoneCall,
    VideoCall,
    MultilateralSummit,
}

/// <summary>Whether a meeting took place or has only been announced.</summary>
public enum MeetingStatus
{
    Held,
    Planned,
    Cancelled,
}

/// <summary>Who may see an item: public items go into shareable packs, internal ones only into internal packs.</summary>
public enum HandlingLevel
{
    Public,
    Internal,
}

public enum Side
{
    Host,
    Guest,
}

public enum OutcomeKind
{
    PartnershipUpgrade,
    DocumentsSigned,
    JointStatement,
    Agreement,
    Announcement,
}

public enum EventKind
{
    Summit,
    Forum,
    MinisterialMeeting,
    SportingEvent,
    Other,
}

/// <summary>
/// Partnership levels in China's diplomatic vocabulary, ordered from the least to the most close,
/// so that comparing two values says whether a change is an upgrade.
/// </summary>
public enum PartnershipLevel
{
    FriendlyCooperativePartnership,
    ComprehensiveCooperativePartnership,
    StrategicPartnership,
    StrategicPartnershipOfCoordination,
    ComprehensiveStrategicPartnership,
    ComprehensiveStrategicPartnershipOfCooperation,
    PermanentComprehensiveStrategicPartnership,
    AllWeatherComprehensiveStrategicPartnership,
    ComprehensiveStrategicPartnershipOfCoordination,
    ComprehensiveStrategicPartnershipOfCoordinationForANewEra,
}

/// <summary>Spelling of controlled-list values in record files (snake_case) and in prose.</summary>
public static class ControlledList
{
    public static string ToYaml<T>(T value) where T : struct, Enum => ToSnakeCase(value.ToString());

    public static IReadOnlyList<string> YamlNames<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => ToYaml(v)).ToList();

    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(ToYaml(candidate), text.Trim(), StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The value as words, e.g. "comprehensive strategic partnership of coordination for a new era".</summary>
    public static string ToWords<T>(T value) where T : struct, Enum => ToYaml(value).Replace('_', ' ');

    private static string ToSnakeCase(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0) builder.Append('_');
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
