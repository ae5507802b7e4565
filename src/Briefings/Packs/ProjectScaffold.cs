namespace Briefings.Packs;

/// <summary>
/// Lays out a new briefings folder: example records (one of each kind) in <c>data/</c>, the record JSON Schemas the
/// examples' editor comments point at in <c>schema/</c>, a <c>.gitignore</c> for rendered output and, when asked, a
/// copy of the templates and theme to customise in <c>templates/</c>. Existing files are never overwritten.
/// </summary>
public static class ProjectScaffold
{
    /// <summary>What <c>.gitignore</c> holds: rendered packs are build output, not records.</summary>
    public const string GitIgnore = "# Rendered packs: made from the records and templates, not kept in git\noutput/\n";

    /// <summary>
    /// Copies <paramref name="records"/> (a folder holding <c>data/</c>), <paramref name="schemas"/> and optionally
    /// <paramref name="templates"/> into <paramref name="target"/>. Returns the files written, relative to the target.
    /// Throws a <see cref="PackException"/> naming every file that exists already, before writing anything.
    /// </summary>
    public static IReadOnlyList<string> Create(string target, string records, string schemas, string? templates)
    {
        var plan = new List<(string From, string To)>();
        plan.AddRange(Files(records, "").Where(f => f.To.StartsWith("data/", StringComparison.Ordinal)));
        plan.AddRange(Files(schemas, "schema/"));
        if (templates is not null)
            plan.AddRange(Files(templates, "templates/"));
        if (plan.Count == 0)
            throw new PackException([Diagnostic.ErrorAt(records, PackCodes.NoExamples, "the example records are missing")]);

        var existing = plan.Select(p => p.To).Append(".gitignore")
            .Where(to => File.Exists(Path.Combine(target, to)))
            .Select(to => Diagnostic.ErrorAt(Path.Combine(target, to), PackCodes.Exists, "exists already; init writes only new files"))
            .ToList();
        if (existing.Count > 0)
            throw new PackException(existing);

        var written = new List<string>();
        foreach (var (from, to) in plan)
        {
            var path = Path.Combine(target, to);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(from, path);
            written.Add(to);
        }
        File.WriteAllText(Path.Combine(target, ".gitignore"), GitIgnore);
        written.Add(".gitignore");
        return written;
    }

    private static IEnumerable<(string From, string To)> Files(string folder, string prefix) =>
        !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => (f, prefix + Path.GetRelativePath(folder, f).Replace('\\', '/')))
                .OrderBy(x => x.Item2, StringComparer.Ordinal);
}
