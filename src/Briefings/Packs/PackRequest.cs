namespace Briefings.Packs;

/// <summary>Who a pack is for. <see cref="Public"/> leaves out every item whose handling level is internal.</summary>
public enum Audience
{
    /// <summary>For readers inside the organisation: every item, whatever its handling level.</summary>
    Internal,
    /// <summary>For sharing outside the organisation: only items whose handling level is public.</summary>
    Public,
}

internal static class AudienceNames
{
    /// <summary>"internal" or "public": the word in the front matter, the manifest and the theme's markings.</summary>
    public static string Name(this Audience audience) => audience == Audience.Public ? "public" : "internal";
}

/// <summary>What to render. The as-of date limits the pack to what was known on that day.</summary>
public abstract record PackRequest
{
    /// <summary>
    /// Defaults to today: everything known now. A date before a meeting gives the pre-trip brief (docs/records.md, "The as-of date").
    /// </summary>
    public DateOnly? AsOf { get; init; }
    /// <summary>Who the pack is for (internal by default).</summary>
    public Audience Audience { get; init; } = Audience.Internal;
    /// <summary>The country the pack is written for (its side of every meeting); the record set is China's diplomacy.</summary>
    public string Perspective { get; init; } = "CHN";
    /// <summary>
    /// The pack's folder name. Left null, it is derived from the subject and the variant
    /// (<c>visit-ID</c>, <c>country-blr-public</c>); a batch names its packs itself, since its folder fixes the variant.
    /// </summary>
    public string? Name { get; init; }
}

/// <summary>A brief for one meeting: <c>briefings visit MEETING_ID</c>.</summary>
public sealed record VisitPackRequest(string MeetingId) : PackRequest;

/// <summary>A profile of one country: <c>briefings country CODE</c> (code, name or alias).</summary>
public sealed record CountryPackRequest(string Country) : PackRequest;

/// <summary>A digest of every meeting of the home side in a period (a quarter): <c>briefings quarter 2023Q3</c>.</summary>
/// <param name="From">First day of the period.</param>
/// <param name="To">Last day of the period.</param>
/// <param name="Label">How the period is named in the pack: "Q3 2023", or a date range.</param>
public sealed record DigestPackRequest(DateOnly From, DateOnly To, string Label) : PackRequest;
