using System.Text.Json;
using Briefings.Records;
using Briefings.Records.Loading;

namespace Briefings.Records.Tests;

/// <summary>The JSON Schemas editors use must accept exactly the keys and list values the loader accepts.</summary>
public sealed class SchemaTests
{
    private static JsonElement Schema(string kind)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Join(Repository.Root, "docs", "schema", $"{kind}.schema.json")));
        return document.RootElement.Clone();
    }

    private static IEnumerable<string> Keys(JsonElement objectSchema) =>
        objectSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name);

    private static JsonElement Items(JsonElement schema, string property) =>
        schema.GetProperty("properties").GetProperty(property).GetProperty("items");

    private static IEnumerable<string> Enum(JsonElement schema) => schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);

    [Fact]
    public void Top_level_keys_match_the_loader()
    {
        Assert.Equal(RecordReaders.CountryKeys.Order(), Keys(Schema("country")).Order());
        Assert.Equal(RecordReaders.PersonKeys.Order(), Keys(Schema("person")).Order());
        Assert.Equal(RecordReaders.MeetingKeys.Order(), Keys(Schema("meeting")).Order());
        Assert.Equal(RecordReaders.EventKeys.Order(), Keys(Schema("event")).Order());
        Assert.Equal(RecordReaders.SourceKeys.Order(), Keys(Schema("source")).Order());
    }

    [Fact]
    public void Nested_keys_match_the_loader()
    {
        var meeting = Schema("meeting");
        Assert.Equal(RecordReaders.ParticipantKeys.Order(), Keys(Items(meeting, "participants")).Order());
        Assert.Equal(RecordReaders.OutcomeKeys.Order(), Keys(Items(meeting, "outcomes")).Order());
        Assert.Equal(RecordReaders.StatementKeys.Order(), Keys(Items(meeting, "statements")).Order());
        Assert.Equal(RecordReaders.AnalysisKeys.Order(), Keys(Items(meeting, "analysis")).Order());
        Assert.Equal(RecordReaders.PlaceKeys.Order(), Keys(meeting.GetProperty("properties").GetProperty("place")).Order());
        var country = Schema("country");
        Assert.Equal(RecordReaders.RelationKeys.Order(), Keys(Items(country, "relations")).Order());
        Assert.Equal(RecordReaders.PartnershipStepKeys.Order(), Keys(Items(Items(country, "relations"), "partnership")).Order());
        Assert.Equal(RecordReaders.RoleKeys.Order(), Keys(Items(Schema("person"), "roles")).Order());
    }

    [Fact]
    public void Controlled_lists_match_the_model()
    {
        var meeting = Schema("meeting");
        var properties = meeting.GetProperty("properties");
        Assert.Equal(ControlledList.YamlNames<MeetingKind>(), Enum(properties.GetProperty("kind")));
        Assert.Equal(ControlledList.YamlNames<MeetingStatus>(), Enum(properties.GetProperty("status")));
        Assert.Equal(ControlledList.YamlNames<HandlingLevel>(), Enum(properties.GetProperty("handling")));
        Assert.Equal(ControlledList.YamlNames<Side>(), Enum(Items(meeting, "participants").GetProperty("properties").GetProperty("side")));
        var outcome = Items(meeting, "outcomes").GetProperty("properties");
        Assert.Equal(ControlledList.YamlNames<OutcomeKind>(), Enum(outcome.GetProperty("kind")));
        Assert.Equal(ControlledList.YamlNames<PartnershipLevel>(), Enum(outcome.GetProperty("to")));
        Assert.Equal(ControlledList.YamlNames<EventKind>(), Enum(Schema("event").GetProperty("properties").GetProperty("kind")));
        var step = Items(Items(Schema("country"), "relations"), "partnership").GetProperty("properties");
        Assert.Equal(ControlledList.YamlNames<PartnershipLevel>(), Enum(step.GetProperty("level")));
    }

    [Fact]
    public void Required_fields_are_required_in_the_schema_too()
    {
        var required = Schema("meeting").GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToHashSet();
        foreach (var key in new[] { "id", "date", "status", "kind", "title", "host", "guest", "place", "participants", "sources" })
            Assert.Contains(key, required);
    }
}
