using Briefings.Cli;
using UglyToad.PdfPig;
using Xunit;

namespace Briefings.Integration.Tests;

/// <summary><c>briefings init</c>: a new folder that validates and renders a brief straight away.</summary>
public sealed class InitTests : IDisposable
{
    private readonly string folder = Path.Combine(Directory.CreateTempSubdirectory("briefings-init-").FullName, "my-briefings");

    public void Dispose()
    {
        try { Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true); } catch (IOException) { }
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Init_then_validate_then_visit_renders_the_example_brief()
    {
        var (exit, output, _) = Run("init", folder, "--templates");
        Assert.Equal(0, exit);
        foreach (var kind in new[] { "countries", "people", "meetings", "events", "sources" })
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "data", kind), "*.yaml"));
        Assert.Contains("output/", File.ReadAllLines(Path.Combine(folder, ".gitignore")));
        Assert.True(File.Exists(Path.Combine(folder, "templates", "visit-brief.sbn")));
        Assert.Contains(Path.Combine(folder, "templates", "theme.yaml"), output.Split('\n', StringSplitOptions.TrimEntries));

        // Every record's editor comment names a schema that init wrote.
        foreach (var record in Directory.EnumerateFiles(Path.Combine(folder, "data"), "*.yaml", SearchOption.AllDirectories))
        {
            var first = File.ReadLines(record).First();
            Assert.StartsWith("# yaml-language-server: $schema=", first);
            var schema = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(record)!, first["# yaml-language-server: $schema=".Length..]));
            Assert.True(File.Exists(schema), $"{record} names {schema}");
        }

        var data = Path.Combine(folder, "data");
        var validate = Run("validate", "--data", data);
        Assert.Equal(0, validate.Exit);
        Assert.EndsWith("0 errors, 0 warnings", validate.Out.Trim());

        var meeting = Path.GetFileNameWithoutExtension(Directory.GetFiles(Path.Combine(data, "meetings")).Single());
        var visit = Run("visit", meeting, "--data", data, "--templates", Path.Combine(folder, "templates"), "--out", Path.Combine(folder, "output"));
        Assert.True(visit.Exit == 0, visit.Err);
        var pdf = visit.Out.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.EndsWith(".pdf", StringComparison.Ordinal));
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Laine", text);
        Assert.Contains("Kask", text);
        Assert.Contains("undersea", text);
        Assert.Contains("Gulf of Finland", text);
    }

    [Fact]
    public void Init_never_overwrites_and_names_every_file_in_the_way()
    {
        Assert.Equal(0, Run("init", folder).Exit);
        var meeting = Directory.GetFiles(Path.Combine(folder, "data", "meetings")).Single();
        File.WriteAllText(meeting, "# mine\n");

        var (exit, output, error) = Run("init", folder);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains($"{meeting}: error PACK006: exists already", error);
        Assert.Equal("# mine\n", File.ReadAllText(meeting));
    }

    [Fact]
    public void Without_templates_init_writes_no_templates_folder()
    {
        Assert.Equal(0, Run("init", folder).Exit);
        Assert.False(Directory.Exists(Path.Combine(folder, "templates")));
    }
}
