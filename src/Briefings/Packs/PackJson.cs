using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Briefings.Batches;

namespace Briefings.Packs;

/// <summary>
/// The JSON files the library writes and reads back (pack manifests, batch indexes), serialised by
/// generated code: no reflection or code generation at run time, which a single command would pay for
/// at every start.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PackManifest))]
[JsonSerializable(typeof(BatchIndexFile))]
internal sealed partial class PackJsonContext : JsonSerializerContext
{
    /// <summary>The context with the writer's options: indented, snake_case names, text kept readable (no \u escapes).</summary>
    public static PackJsonContext Files { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    });
}
