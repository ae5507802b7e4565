using Briefings.Packs;

namespace Briefings.Batches;

/// <summary>One deterministic slice of a plan: shard <see cref="Index"/> (1-based) of <see cref="Count"/>.</summary>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole plan: shard 1 of 1.</summary>
    public static Shard Whole { get; } = new(1, 1);

    /// <summary>Whether this is the whole plan rather than a slice of it.</summary>
    public bool IsWhole => Count == 1;

    /// <summary>Parses <c>K/N</c> (1 &lt;= K &lt;= N).</summary>
    public static bool TryParse(string? text, out Shard shard)
    {
        shard = Whole;
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k)
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            || n < 1 || k < 1 || k > n)
            return false;
        shard = new Shard(k, n);
        return true;
    }

    /// <summary>
    /// The shard of a job array: the 0-based index that Kubernetes Indexed Jobs (<c>JOB_COMPLETION_INDEX</c>) and
    /// AWS Batch (<c>AWS_BATCH_JOB_ARRAY_INDEX</c>) set, or Slurm's <c>SLURM_ARRAY_TASK_ID</c> (taken as 0-based
    /// when <c>SLURM_ARRAY_TASK_MIN</c> is 0, else relative to it). Null when none is set.
    /// </summary>
    public static Shard? FromEnvironment(int count, Func<string, string?> variable)
    {
        foreach (var name in new[] { "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX" })
        {
            if (int.TryParse(variable(name), out var index) && index >= 0 && index < count)
                return new Shard(index + 1, count);
            if (variable(name) is { Length: > 0 } bad)
                throw new ArgumentException($"{name}={bad} is not a shard index from 0 to {count - 1}");
        }
        if (variable("SLURM_ARRAY_TASK_ID") is { Length: > 0 } slurm)
        {
            var min = int.TryParse(variable("SLURM_ARRAY_TASK_MIN"), out var m) ? m : 0;
            if (int.TryParse(slurm, out var id) && id - min >= 0 && id - min < count)
                return new Shard(id - min + 1, count);
            throw new ArgumentException($"SLURM_ARRAY_TASK_ID={slurm} is not a shard index from {min} to {min + count - 1}");
        }
        return null;
    }

    /// <summary>The shard as <c>K/N</c>.</summary>
    public override string ToString() => $"{Index}/{Count}";
}

/// <summary>What a batch renders and how: the selection, the formats, the variant (audience, as-of) and where.</summary>
public sealed record BatchRequest(BatchSelection Selection, IReadOnlyList<PackFormat> Formats)
{
    /// <summary>Defaults to the end of the period, or today when the period has not ended.</summary>
    public DateOnly? AsOf { get; init; }
    /// <summary>Who the packs are for; public packs leave out every internal item.</summary>
    public Audience Audience { get; init; } = Audience.Internal;
    /// <summary>The root output folder; the batch writes into <c>OutputRoot/&lt;batch&gt;/</c>.</summary>
    public string OutputRoot { get; init; } = "output";
    /// <summary>The home side (the record set's own country).</summary>
    public string Perspective { get; init; } = "CHN";
    /// <summary>Render packs that are up to date too.</summary>
    public bool Force { get; init; }
    /// <summary>The slice of the plan this run renders (the whole plan by default).</summary>
    public Shard Shard { get; init; } = Shard.Whole;
}
