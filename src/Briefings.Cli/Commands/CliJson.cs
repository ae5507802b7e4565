using System.Text.Json;
using System.Text.Json.Serialization;

namespace Briefings.Cli.Commands;

/// <summary>A meeting as <c>list meetings --json</c> prints it.</summary>
internal sealed record MeetingListing(
    string Id,
    string Date,
    string? EndDate,
    string Kind,
    string Status,
    IReadOnlyList<string> Countries,
    string Host,
    string Guest,
    string Title,
    PlaceListing Place,
    string? Event,
    IReadOnlyList<string> Participants);

/// <summary>Where a listed meeting took place.</summary>
internal sealed record PlaceListing(string? City, string Country, string? Venue);

/// <summary>A country as <c>list countries --json</c> prints it.</summary>
internal sealed record CountryListing(string Code, string Name, string? FullName, string? Capital, string? Region, IReadOnlyList<string> Aliases, int Meetings);

/// <summary>A person as <c>list people --json</c> prints it.</summary>
internal sealed record PersonListing(string Id, string Name, string Country, IReadOnlyList<string> Aliases, int Meetings);

/// <summary>A batch plan as <c>quarter --plan --json</c> prints it.</summary>
internal sealed record PlanListing(string Batch, string Folder, string Period, string AsOf, string Shard, IReadOnlyList<PlannedPackListing> Packs);

/// <summary>One pack of a printed plan.</summary>
internal sealed record PlannedPackListing(string Pack, string Kind, string Subject, string Folder, string Status, string? Reason, bool Render);

/// <summary>
/// What commands print as JSON, serialised by generated code: the natively compiled program has no reflection-based
/// serialiser, and the generated code is what every build runs, so the two print the same.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<MeetingListing>))]
[JsonSerializable(typeof(List<CountryListing>))]
[JsonSerializable(typeof(List<PersonListing>))]
[JsonSerializable(typeof(PlanListing))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>The context with the commands' options: indented, snake_case names, text kept readable (no \u escapes).</summary>
    public static CliJsonContext Output { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    });
}
