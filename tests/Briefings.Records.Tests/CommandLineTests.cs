using System.Text.Json;
using Briefings.Cli;

namespace Briefings.Records.Tests;

/// <summary>The validate and list commands, run in-process with captured output.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly List<string> _temporary = [];

    public void Dispose()
    {
        foreach (var dir in _temporary)
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string DataCopy()
    {
        var copy = Repository.CopyOfData();
        _temporary.Add(copy);
        return copy;
    }

    [Fact]
    public void Validate_on_the_sample_records_exits_0_with_a_summary()
    {
        var (exit, output, error) = Run("validate", "--data", Repository.Data);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Matches(@": \d+ countries, \d+ people, \d+ meetings, \d+ events, \d+ sources; 0 errors, 0 warnings", output);
    }

    [Fact]
    public void Validate_reports_problems_in_three_files_and_exits_1()
    {
        var data = DataCopy();
        Replace(Path.Join(data, "meetings", "2023-09-22-xi-assad.yaml"), "title: Xi Jinping holds rare talks", "title: [Xi Jinping holds rare talks");
        Replace(Path.Join(data, "people", "kassym-jomart-tokayev.yaml"), "country: KAZ\nroles", "country: KZA\nroles");
        Replace(Path.Join(data, "events", "sco-summit-2022.yaml"), "end_date: 2022-09-16", "end_date: 2022-09-14");

        var (exit, output, _) = Run("validate", "--data", data);

        Assert.Equal(1, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith(Path.Join(data, "events", "sco-summit-2022.yaml") + ":9:11: error REC007: "));
        Assert.Contains(lines, l => l.StartsWith(Path.Join(data, "meetings", "2023-09-22-xi-assad.yaml") + ":7:8: error REC002: YAML syntax error"));
        Assert.Contains(lines, l => l == Path.Join(data, "people", "kassym-jomart-tokayev.yaml") + ":6:10: error REC009: unknown country 'KZA' in person: did you mean 'KAZ' (Kazakhstan)?");
        Assert.EndsWith("3 errors, 0 warnings", lines[^1].Trim());
    }

    [Fact]
    public void Validate_on_a_missing_folder_exits_1()
    {
        var (exit, output, _) = Run("validate", "--data", "no/such/folder");
        Assert.Equal(1, exit);
        Assert.StartsWith("no/such/folder:1:1: error REC014", output);
    }

    [Fact]
    public void List_meetings_for_a_quarter_as_json()
    {
        var (exit, output, error) = Run("list", "meetings", "--data", Repository.Data, "--quarter", "2022Q3", "--json");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(
            [
                "2022-08-05-wang-yi-lavrov", "2022-09-07-li-zhanshu-putin", "2022-09-12-yang-jiechi-denisov",
                "2022-09-14-xi-tokayev", "2022-09-15-sco-summit", "2022-09-15-xi-putin", "2022-09-15-xi-uzbekistan-state-visit",
            ],
            items.Select(i => i.GetProperty("id").GetString()));
        var tokayev = items[3];
        Assert.Equal("2022-09-14", tokayev.GetProperty("date").GetString());
        Assert.Equal("state_visit", tokayev.GetProperty("kind").GetString());
        Assert.Equal("held", tokayev.GetProperty("status").GetString());
        Assert.Equal(["KAZ", "CHN"], tokayev.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.StartsWith("Xi Jinping holds talks with Kassym-Jomart Tokayev", tokayev.GetProperty("title").GetString());
    }

    [Fact]
    public void List_meetings_filters_by_country_alias_and_dates()
    {
        var (exit, output, _) = Run("list", "meetings", "--data", Repository.Data, "--country", "Beros", "--from", "2023-06-01", "--to", "2023-12-31");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("DATE", lines[0]);
        Assert.StartsWith("2023-12-04  2023-12-04-xi-lukashenko", lines[1]);
        Assert.Equal("1 meeting", lines[^1].Trim());
    }

    [Fact]
    public void List_meetings_filters_by_person_alias()
    {
        var (exit, output, _) = Run("list", "meetings", "--data", Repository.Data, "--person", "Raferov", "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["2022-08-05-wang-yi-lavrov"], json.RootElement.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public void List_meetings_filters_by_status_and_kind()
    {
        var (exit, output, _) = Run("list", "meetings", "--data", Repository.Data, "--status", "planned", "--kind", "state_visit", "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["2022-09-15-xi-uzbekistan-state-visit"], json.RootElement.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public void List_countries_and_people()
    {
        var (exit, output, _) = Run("list", "countries", "--data", Repository.Data);
        Assert.Equal(0, exit);
        Assert.Contains("BLR   Belarus", output);
        (exit, output, _) = Run("list", "people", "--data", Repository.Data, "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Contains(json.RootElement.EnumerateArray(), p => p.GetProperty("name").GetString() == "Xanana Gusmão");
    }

    [Theory]
    [InlineData("list", "meetings", "--bogus")]
    [InlineData("list", "meetings", "--quarter", "2023Q5")]
    [InlineData("list", "meetings", "--from", "04/12/2023")]
    [InlineData("list", "meetings", "--from", "2023-12-05", "--to", "2023-12-01")]
    [InlineData("list", "meetings", "--status", "done")]
    [InlineData("list", "meetings", "--kind", "visit")]
    [InlineData("list", "things")]
    [InlineData("validate", "extra")]
    [InlineData()]
    public void Usage_errors_exit_2_with_a_message(params string[] args)
    {
        var (exit, output, error) = Run([.. args, "--data", Repository.Data]);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("briefings: ", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Mistyped_option_gets_a_suggestion()
    {
        var (exit, _, error) = Run("list", "meetings", "--data", Repository.Data, "--qaurter", "2023Q3");
        Assert.Equal(2, exit);
        Assert.Contains("did you mean '--quarter' instead of '--qaurter'?", error);
    }

    [Fact]
    public void Unknown_country_is_a_usage_error_with_a_suggestion()
    {
        var (exit, _, error) = Run("list", "meetings", "--data", Repository.Data, "--country", "BLS");
        Assert.Equal(2, exit);
        Assert.Equal("briefings: unknown country 'BLS': did you mean 'BLR' (Belarus)?", error.Trim());
    }

    [Fact]
    public void List_on_records_with_errors_exits_1_and_prints_them()
    {
        var data = DataCopy();
        Replace(Path.Join(data, "meetings", "2023-09-22-xi-assad.yaml"), "guest: SYR", "guest: SYX");
        var (exit, output, error) = Run("list", "meetings", "--data", data);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("error REC009: unknown country 'SYX'", error);
    }

    [Fact]
    public void Help_exits_0()
    {
        var (exit, output, _) = Run("list", "meetings", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--quarter", output);
    }

    private static void Replace(string path, string oldText, string newText)
    {
        var content = File.ReadAllText(path);
        Assert.Contains(oldText, content);
        File.WriteAllText(path, content.Replace(oldText, newText, StringComparison.Ordinal));
    }
}
