using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Briefings.Records;

/// <summary>
/// Writes the problems found in a records folder for machines: a plain JSON array, or a SARIF 2.1.0 log that code
/// hosts and editors show inline (each result located at its file, line and column, with its rule id).
/// </summary>
public static class DiagnosticReport
{
    /// <summary>The SARIF 2.1.0 JSON schema address the log refers to.</summary>
    public const string SarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private const string SourceRoot = "SRCROOT";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A JSON array with one object per diagnostic: path, line, column, severity, code, message.</summary>
    public static string Json(IEnumerable<Diagnostic> diagnostics)
    {
        var array = new JsonArray();
        foreach (var d in diagnostics)
        {
            array.Add((JsonNode)new JsonObject
            {
                ["path"] = ForwardSlashes(d.Path),
                ["line"] = d.Line,
                ["column"] = d.Column,
                ["severity"] = SeverityName(d.Severity),
                ["code"] = d.Code,
                ["message"] = d.Message,
            });
        }
        return array.ToJsonString(Options);
    }

    /// <summary>
    /// A SARIF 2.1.0 log with one run. Relative paths are given relative to <paramref name="workingDirectory"/>
    /// (the <c>SRCROOT</c> base), which is what code hosts expect of a run in a repository's root.
    /// </summary>
    public static string Sarif(IEnumerable<Diagnostic> diagnostics, string toolVersion, string workingDirectory)
    {
        var list = diagnostics.ToList();
        var ruleIds = list.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        var rules = new JsonArray();
        foreach (var id in ruleIds)
            rules.Add((JsonNode)new JsonObject { ["id"] = id });

        var results = new JsonArray();
        foreach (var d in list)
        {
            var physical = new JsonObject { ["artifactLocation"] = ArtifactLocation(d.Path) };
            if (d.Line >= 1)
            {
                var region = new JsonObject { ["startLine"] = d.Line };
                if (d.Column >= 1)
                    region["startColumn"] = d.Column;
                physical["region"] = region;
            }
            results.Add((JsonNode)new JsonObject
            {
                ["ruleId"] = d.Code,
                ["ruleIndex"] = ruleIds.IndexOf(d.Code),
                ["level"] = SeverityName(d.Severity),
                ["message"] = new JsonObject { ["text"] = d.Message },
                ["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physical }),
            });
        }

        var root = new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(workingDirectory)) + Path.DirectorySeparatorChar).AbsoluteUri;
        var log = new JsonObject
        {
            ["$schema"] = SarifSchema,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "briefings",
                        ["version"] = toolVersion,
                        ["rules"] = rules,
                    },
                },
                ["originalUriBaseIds"] = new JsonObject { [SourceRoot] = new JsonObject { ["uri"] = root } },
                ["results"] = results,
            }),
        };
        return log.ToJsonString(Options);
    }

    private static JsonObject ArtifactLocation(string path)
    {
        if (Path.IsPathFullyQualified(path))
            return new JsonObject { ["uri"] = new Uri(path).AbsoluteUri };
        // A relative reference: percent-escape what a URI may not hold, keep the slashes.
        var relative = string.Join('/', ForwardSlashes(path).Split('/').Select(Uri.EscapeDataString));
        return new JsonObject { ["uri"] = relative, ["uriBaseId"] = SourceRoot };
    }

    private static string SeverityName(Severity severity) => severity == Severity.Error ? "error" : "warning";

    private static string ForwardSlashes(string path) => path.Replace('\\', '/');
}
