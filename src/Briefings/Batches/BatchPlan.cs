using System.Globalization;
using Briefings.Packs;
using Briefings.Records;

namespace Briefings.Batches;

/// <summary>Whether a planned pack must be rendered.</summary>
public enum PlanStatus
{
    /// <summary>No complete pack is in the output folder.</summary>
    New,
    /// <summary>A pack is there, but something it was made from has changed (<see cref="PlannedPack.Reason"/>).</summary>
    Stale,
    /// <summary>The pack in the output folder was made from exactly the current inputs.</summary>
    UpToDate,
}

/// <summary>One pack of a batch: what to render, where, and whether it needs rendering.</summary>
public sealed record PlannedPack(
    string Name,
    string Kind,
    string Subject,
    PackRequest Request,
    string Folder,
    int Weight,
    PlanStatus Status,
    string? Reason)
{
    /// <summary>The pack will be rendered (it is not up to date, or the batch is forced).</summary>
    public bool ToRender { get; init; } = true;
}

/// <summary>
/// The packs of a batch, in a fixed order (digest, then profiles, then briefs by date): the same records and
/// options give the same plan on every machine, which is what lets shards split it without talking to each other.
/// </summary>
public sealed record BatchPlan(
    BatchRequest Request,
    string Folder,
    DateOnly AsOf,
    IReadOnlyList<PlannedPack> All,
    IReadOnlyList<PlannedPack> Packs)
{
    /// <summary>The batch's folder name under the output root (<c>quarter-2023q3</c>, <c>...-public</c>).</summary>
    public string Name => Path.GetFileName(Folder);
}

/// <summary>
/// Plans a batch from a record set: a brief for every meeting in the selection that involves the home side
/// (held and planned), a profile (as of the batch's as-of date) for every counterpart country met, and one digest
/// of the period. Reads each pack's manifest to tell which are up to date; renders and writes nothing.
/// </summary>
public static class BatchPlanner
{
    /// <summary>Plans the batch <paramref name="request"/> asks for from the renderer's records, today and templates.</summary>
    public static BatchPlan Plan(PackRenderer renderer, BatchRequest request)
    {
        var records = renderer.Records;
        var selection = request.Selection;
        var home = request.Perspective;
        var today = renderer.Today;
        var asOf = request.AsOf ?? (selection.To is { } end && end < today ? end : today);
        var folderName = selection.Name
            + (request.AsOf is { } explicitAsOf ? "-as-of-" + explicitAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")
            + (request.Audience == Audience.Public ? "-public" : "");
        var folder = Path.Combine(request.OutputRoot, folderName);

        bool Visible(Meeting m) => (request.Audience == Audience.Internal || m.Handling == HandlingLevel.Public)
            && m.Status != MeetingStatus.Cancelled;
        var meetings = records.MeetingsByDate
            .Where(m => selection.Covers(m) && m.Involves(home) && Visible(m))
            .ToList();

        var packs = new List<(string Name, string Kind, string Subject, PackRequest Request, int Weight)>();
        if (selection.HasPeriod && selection.Country is null)
        {
            var name = selection.Name.StartsWith("quarter-", StringComparison.Ordinal)
                ? "digest-" + selection.Name["quarter-".Length..]
                : "digest-" + selection.Name;
            packs.Add((name, "digest", selection.Label,
                new DigestPackRequest(selection.From!.Value, selection.To!.Value, selection.Label), 3 + meetings.Count / 2));
        }
        var counterparts = meetings
            .SelectMany(m => m.Countries)
            .Where(c => !string.Equals(c, home, StringComparison.OrdinalIgnoreCase) && records.Countries.ContainsKey(c))
            .Where(c => selection.Country is null || string.Equals(c, selection.Country, StringComparison.OrdinalIgnoreCase))
            .Select(c => records.Countries[c].Code)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var code in counterparts)
        {
            var count = records.MeetingsWithCountry(code).Count;
            packs.Add(($"country-{code.ToLowerInvariant()}", "country", code, new CountryPackRequest(code), 4 + count / 4));
        }
        foreach (var meeting in meetings)
        {
            var items = meeting.Statements.Count + meeting.Outcomes.Count + meeting.Analysis.Count + meeting.Context.Count;
            packs.Add(($"visit-{meeting.Id}", "visit", meeting.Id, new VisitPackRequest(meeting.Id), 4 + items / 5));
        }

        var check = new UpToDateCheck(renderer, request, asOf, renderer.TemplatesFolder);
        var all = packs.Select(p =>
        {
            var packRequest = p.Request with { AsOf = asOf, Audience = request.Audience, Perspective = home, Name = p.Name };
            var packFolder = Path.Combine(folder, p.Name);
            var (status, reason) = check.Status(packFolder);
            return new PlannedPack(p.Name, p.Kind, p.Subject, packRequest, packFolder, p.Weight, status, reason)
            {
                ToRender = request.Force || status != PlanStatus.UpToDate,
            };
        }).ToList();
        return new BatchPlan(request, folder, asOf, all, Slice(all, request.Shard));
    }

    /// <summary>
    /// The packs of one shard: largest first, each to the shard with the least expected work so far (ties to the
    /// lower shard). Every shard computes the same assignment from the same plan, so the slices are disjoint and
    /// together cover the plan. The slice keeps the plan's order.
    /// </summary>
    public static IReadOnlyList<PlannedPack> Slice(IReadOnlyList<PlannedPack> all, Shard shard)
    {
        if (shard.IsWhole)
            return all;
        var load = new long[shard.Count];
        var mine = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pack in all.OrderByDescending(p => p.Weight).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            var target = 0;
            for (var i = 1; i < load.Length; i++)
                if (load[i] < load[target])
                    target = i;
            load[target] += pack.Weight;
            if (target == shard.Index - 1)
                mine.Add(pack.Name);
        }
        return all.Where(p => mine.Contains(p.Name)).ToList();
    }

    /// <summary>Compares a pack folder's manifest with the inputs the pack would be made from now.</summary>
    private sealed class UpToDateCheck(PackRenderer renderer, BatchRequest request, DateOnly asOf, string templatesFolder)
    {
        private readonly string tool = PackWriter.ToolFingerprint(request.Formats);
        private readonly PackOptionsRecord options = new(
            request.Formats.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal).ToList(),
            request.Audience == Audience.Public ? "public" : "internal",
            asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        public (PlanStatus, string?) Status(string folder)
        {
            var manifest = PackManifest.TryRead(folder);
            if (manifest is null)
                return (PlanStatus.New, Directory.Exists(folder) ? "the folder has no readable manifest" : null);
            if (manifest.Inputs is not { } inputs)
                return (PlanStatus.Stale, "made by an earlier version");
            if (!inputs.Options.Formats.SequenceEqual(options.Formats) || inputs.Options.Audience != options.Audience
                || inputs.Options.AsOf != options.AsOf)
                return (PlanStatus.Stale, "the options have changed");
            if (inputs.Tool != tool)
                return (PlanStatus.Stale, "the program has changed");
            if (inputs.RecordShape != renderer.RecordShapeFingerprint)
                return (PlanStatus.Stale, "records were added, removed or moved between packs");
            foreach (var template in manifest.Templates)
            {
                var path = Path.Combine(templatesFolder, template.Path.StartsWith("templates/", StringComparison.Ordinal)
                    ? template.Path["templates/".Length..]
                    : template.Path);
                if (renderer.HashOf(path) != template.Sha256)
                    return (PlanStatus.Stale, $"{template.Path} has changed");
            }
            foreach (var record in manifest.Records)
            {
                if (renderer.HashOf(record.Path) != record.Sha256)
                    return (PlanStatus.Stale, $"{record.Path} has changed");
            }
            var missing = options.Formats.Except(manifest.Outputs.Select(o => o.Format), StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
                return (PlanStatus.Stale, $"the {string.Join(", ", missing)} file could not be written last time");
            foreach (var output in manifest.Outputs)
            {
                var path = Path.Combine(folder, output.File);
                var info = new FileInfo(path);
                if (!info.Exists || info.Length != output.Bytes || renderer.HashOf(path) != output.Sha256)
                    return (PlanStatus.Stale, $"{output.File} is missing or was changed");
            }
            return (PlanStatus.UpToDate, null);
        }
    }
}
