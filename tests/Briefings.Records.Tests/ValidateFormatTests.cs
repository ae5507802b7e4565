using System.Text.Json;
using System.Text.Json.Nodes;
using Briefings.Cli;
using Json.Schema;

namespace Briefings.Records.Tests;

/// <summary><c>validate --format json|sarif</c>: machine-readable problems, the SARIF checked against the SARIF 2.1.0 schema.</summary>
public sealed class ValidateFormatTests : IDisposable
{
    private readonly string data = Repository.CopyOfData();

    public void Dispose()
    {
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Three problems in three files: a YAML syntax error, an unknown country, dates out of order.</summary>
    private void Break()
    {
        Replace(Path.Join(data, "meetings", "2023-09-22-xi-assad.yaml"), "title: Xi Jinping holds rare talks", "title: [Xi Jinping holds rare talks");
        Replace(Path.Join(data, "people", "kassym-jomart-tokayev.yaml"), "country: KAZ\nroles", "country: KZA\nroles");
        Replace(Path.Join(data, "events", "sco-summit-2022.yaml"), "end_date: 2022-09-16", "end_date: 2022-09-14");
    }

    private static void Replace(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    /// <summary>The official SARIF 2.1.0 schema (Sarif/README.md), read as draft-07: only its root id and draft URI change.</summary>
    private static readonly JsonSchema Sarif = LoadSarifSchema();

    private static JsonSchema LoadSarifSchema()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(
            File.ReadAllText(Path.Join(AppContext.BaseDirectory, "Sarif", "sarif-2.1.0-rtm.5.json")))!.AsObject();
        Assert.Equal("http://json-schema.org/draft-04/schema#", (string?)schema["$schema"]);
        Assert.DoesNotContain("exclusiveM", schema.ToJsonString());
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        // The draft-04 root id becomes nothing rather than $id: the schema refers to itself only by fragment (#/definitions/…).
        Assert.DoesNotMatch("\"\\$ref\":\"(?!#)", schema.ToJsonString());
        Assert.Matches("\"\\$ref\":\"#/definitions/", schema.ToJsonString());
        schema.Remove("id");
        return JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static EvaluationResults Check(string json) =>
        Sarif.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));

    [Fact]
    public void Sarif_of_a_broken_record_set_passes_the_SARIF_2_1_0_schema_and_locates_each_problem()
    {
        Break();
        var (exit, output, error) = Run("validate", "--data", data, "--format", "sarif");

        Assert.Equal(1, exit);
        Assert.Equal("", error);
        var results = Check(output);
        Assert.True(results.IsValid, Errors(results));

        var log = JsonNode.Parse(output)!;
        Assert.Equal("2.1.0", (string?)log["version"]);
        var run = log["runs"]![0]!;
        Assert.Equal("briefings", (string?)run["tool"]!["driver"]!["name"]);
        var found = run["results"]!.AsArray()
            .Select(r => (Rule: (string?)r!["ruleId"], Level: (string?)r["level"],
                Uri: (string?)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"],
                Line: (int?)r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"],
                Column: (int?)r["locations"]![0]!["physicalLocation"]!["region"]!["startColumn"]))
            .ToList();
        Assert.Equal(3, found.Count);
        Assert.All(found, f => Assert.Equal("error", f.Level));
        Assert.Contains(found, f => f.Rule == "REC007" && f.Uri!.EndsWith("/events/sco-summit-2022.yaml") && f.Line == 9 && f.Column == 11);
        Assert.Contains(found, f => f.Rule == "REC002" && f.Uri!.EndsWith("/meetings/2023-09-22-xi-assad.yaml") && f.Line == 7 && f.Column == 8);
        Assert.Contains(found, f => f.Rule == "REC009" && f.Uri!.EndsWith("/people/kassym-jomart-tokayev.yaml") && f.Line == 6 && f.Column == 10);
        // Each result's ruleIndex points at its rule in the driver's rules.
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => (string?)r!["id"]).ToList();
        foreach (var r in run["results"]!.AsArray())
            Assert.Equal((string?)r!["ruleId"], rules[(int)r["ruleIndex"]!]);
    }

    [Fact]
    public void The_schema_check_rejects_a_log_that_breaks_SARIF()
    {
        Break();
        var (_, output, _) = Run("validate", "--data", data, "--format", "sarif");
        Assert.True(Check(output).IsValid);

        var badLevel = JsonNode.Parse(output)!;
        badLevel["runs"]![0]!["results"]![0]!["level"] = "fatal";
        Assert.False(Check(badLevel.ToJsonString()).IsValid);

        var lineZero = JsonNode.Parse(output)!;
        lineZero["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0;
        Assert.False(Check(lineZero.ToJsonString()).IsValid);

        var noVersion = JsonNode.Parse(output)!.AsObject();
        noVersion.Remove("version");
        Assert.False(Check(noVersion.ToJsonString()).IsValid);
    }

    [Fact]
    public void Sarif_of_clean_records_has_a_run_with_no_results_and_exits_0()
    {
        var (exit, output, _) = Run("validate", "--data", data, "--format", "sarif");
        Assert.Equal(0, exit);
        Assert.True(Check(output).IsValid);
        Assert.Empty(JsonNode.Parse(output)!["runs"]![0]!["results"]!.AsArray());
    }

    [Fact]
    public void Json_is_an_array_with_one_object_per_problem()
    {
        Break();
        var (exit, output, error) = Run("validate", "--data", data, "--format", "json");

        Assert.Equal(1, exit);
        Assert.Equal("", error);
        var items = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(3, items.Count);
        var unknown = items.Single(i => (string?)i!["code"] == "REC009")!;
        Assert.Equal(Path.Join(data, "people", "kassym-jomart-tokayev.yaml").Replace('\\', '/'), (string?)unknown["path"]);
        Assert.Equal(6, (int?)unknown["line"]);
        Assert.Equal(10, (int?)unknown["column"]);
        Assert.Equal("error", (string?)unknown["severity"]);
        Assert.Equal("unknown country 'KZA' in person: did you mean 'KAZ' (Kazakhstan)?", (string?)unknown["message"]);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var (exit, _, error) = Run("validate", "--data", data, "--format", "xml");
        Assert.Equal(2, exit);
        Assert.Contains("xml", error);
    }
}
