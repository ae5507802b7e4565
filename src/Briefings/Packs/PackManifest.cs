using System.Text.Json;

namespace Briefings.Packs;

/// <summary>One output file in a manifest.</summary>
internal sealed record ManifestOutput(string File, string Format, long Bytes, string Sha256, int? Pages);

/// <summary>A file a pack was made from, with its hash when the pack was rendered.</summary>
internal sealed record ManifestInput(string Path, string Sha256);

/// <summary>The options that shape a pack's content.</summary>
internal sealed record PackOptionsRecord(IReadOnlyList<string> Formats, string Audience, string AsOf);

/// <summary>Everything besides the input files that decides a pack's bytes.</summary>
internal sealed record ManifestInputs(string Tool, PackOptionsRecord Options, string RecordShape);

/// <summary>
/// <c>manifest.json</c>: what a pack folder holds and everything it was made from. A batch reads it back to
/// decide whether the pack is up to date.
/// </summary>
internal sealed record PackManifest(
    string Pack,
    string Kind,
    string Subject,
    string AsOf,
    string Audience,
    IReadOnlyList<ManifestOutput> Outputs,
    IReadOnlyList<ManifestInput> Templates,
    IReadOnlyList<ManifestInput> Records,
    ManifestInputs? Inputs)
{
    /// <summary>The manifest in a pack folder, or null when it is missing or unreadable.</summary>
    public static PackManifest? TryRead(string folder)
    {
        var path = Path.Combine(folder, PackWriter.ManifestName);
        try
        {
            if (!File.Exists(path))
                return null;
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), PackJsonContext.Files.PackManifest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }
}
