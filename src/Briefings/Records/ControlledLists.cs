namespace Briefings.Records;

// Controlled lists. In YAML each value is written in snake_case (state_visit, comprehensive_strategic_partnership);
// ControlledList converts between the two spellings.

/// <summary>Kinds of meeting, after the visit kinds of official records and the PLOVER/CAMEO distinctions.</summary>
public enum MeetingKind
{
    /// <summary>A state visit: the highest-ranking visit, by a head of state at the host head of state's invitation.</summary>
    StateVisit,
    /// <summary>An official visit.</summary>
    OfficialVisit,
    /// <summary>An official working visit.</summary>
    OfficialWorkingVisit,
    /// <summary>A working visit.</summary>
    WorkingVisit,
    /// <summary>A private visit.</summary>
    PrivateVisit,
    /// <summary>Talks on the sidelines of a multilateral event.</summary>
    Sidelines,
    /// <summary>A meeting outside any visit, e.g. an official receiving an ambassador.</summary>
    BilateralMeeting,
    /// <summary>A telephone call.</summary>
    PhoneCall,
    /// <summary>A video call.</summary>
    VideoCall,
    /// <summary>Attendance at a multilateral summit.</summary>
    MultilateralSummit,
}

/// <summary>Whether a meeting took place or has only been announced.</summary>
public enum MeetingStatus
{
    /// <summary>The meeting took place.</summary>
    Held,
    /// <summary>The meeting has been announced but is not yet reported as held.</summary>
    Planned,
    /// <summary>The meeting was announced and then called off.</summary>
    Cancelled,
}

/// <summary>Who may see an item: public items go into shareable packs, internal ones only into internal packs.</summary>
public enum HandlingLevel
{
    /// <summary>May go into packs shared outside the organisation.</summary>
    Public,
    /// <summary>Only into internal packs.</summary>
    Internal,
}

/// <summary>Which side of a meeting a participant is on.</summary>
public enum Side
{
    /// <summary>The host country's side.</summary>
    Host,
    /// <summary>The guest country's side.</summary>
    Guest,
}

/// <summary>Kinds of meeting outcome.</summary>
public enum OutcomeKind
{
    /// <summary>Relations were raised to a closer partnership level (the outcome names the new level and, when known, the old one).</summary>
    PartnershipUpgrade,
    /// <summary>Documents (agreements, memoranda) were signed.</summary>
    DocumentsSigned,
    /// <summary>The two sides issued a joint statement.</summary>
    JointStatement,
    /// <summary>The sides reached an agreement.</summary>
    Agreement,
    /// <summary>Something was announced at the meeting.</summary>
    Announcement,
}

/// <summary>Kinds of multilateral event.</summary>
public enum EventKind
{
    /// <summary>A summit of heads of state or government.</summary>
    Summit,
    /// <summary>A forum (Belt and Road Forum, economic forums).</summary>
    Forum,
    /// <summary>A meeting of ministers.</summary>
    MinisterialMeeting,
    /// <summary>A sporting event, e.g. the opening of the Asian Games.</summary>
    SportingEvent,
    /// <summary>Any other occasion (the default).</summary>
    Other,
}

/// <summary>
/// Partnership levels in China's diplomatic vocabulary, ordered from the least to the most close,
/// so that comparing two values says whether a change is an upgrade.
/// </summary>
public enum PartnershipLevel
{
    /// <summary>Friendly cooperative partnership (the least close level).</summary>
    FriendlyCooperativePartnership,
    /// <summary>Comprehensive cooperative partnership.</summary>
    ComprehensiveCooperativePartnership,
    /// <summary>Strategic partnership.</summary>
    StrategicPartnership,
    /// <summary>Strategic partnership of coordination.</summary>
    StrategicPartnershipOfCoordination,
    /// <summary>Comprehensive strategic partnership.</summary>
    ComprehensiveStrategicPartnership,
    /// <summary>Comprehensive strategic partnership of cooperation.</summary>
    ComprehensiveStrategicPartnershipOfCooperation,
    /// <summary>Permanent comprehensive strategic partnership.</summary>
    PermanentComprehensiveStrategicPartnership,
    /// <summary>All-weather comprehensive strategic partnership.</summary>
    AllWeatherComprehensiveStrategicPartnership,
    /// <summary>Comprehensive strategic partnership of coordination.</summary>
    ComprehensiveStrategicPartnershipOfCoordination,
    /// <summary>Comprehensive strategic partnership of coordination for a new era (the closest level).</summary>
    ComprehensiveStrategicPartnershipOfCoordinationForANewEra,
}

/// <summary>Spelling of controlled-list values in record files (snake_case) and in prose.</summary>
public static class ControlledList
{
    /// <summary>The value as written in record files, in snake_case (<c>state_visit</c>).</summary>
    public static string ToYaml<T>(T value) where T : struct, Enum => ToSnakeCase(value.ToString());

    /// <summary>Every value of the list as written in record files, in declaration order.</summary>
    public static IReadOnlyList<string> YamlNames<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => ToYaml(v)).ToList();

    /// <summary>Reads a value written in record files (snake_case, surrounding spaces ignored); false when it is not in the list.</summary>
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
