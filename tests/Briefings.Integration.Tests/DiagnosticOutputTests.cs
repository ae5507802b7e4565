using Briefings.Cli;
using Briefings.Markdown;
using Briefings.Packs;
using Briefings.Records;
using Briefings.Templates;
using Xunit;

namespace Briefings.Integration.Tests;

/// <summary>
/// Every stage's problem arrives as a <see cref="Diagnostic"/> with a code, a severity and a location, and the
/// command line prints each one as the library formats it, nothing added, nothing taken away.
/// </summary>
public sealed class DiagnosticOutputTests : IDisposable
{
    private const string Meeting = "2023-12-04-xi-lukashenko";
    private readonly string root = Path.Combine(Path.GetTempPath(), "briefings-diag-" + Guid.NewGuid().ToString("N"));

    public DiagnosticOutputTests()
    {
        var templates = Path.Combine(Repository.Root, "templates");
        foreach (var file in Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Templates, Path.GetRelativePath(templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    private string Templates => Path.Combine(root, "templates");
    private static string Data => Path.Combine(Repository.Root, "data");

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private (int Exit, string Out, string Err) Visit(string meeting = Meeting) =>
        Run("visit", meeting, "--data", Data, "--templates", Templates, "--out", Path.Combine(root, "out"), "--format", "md");

    private PackException RenderFails(string meeting = Meeting) =>
        Assert.Throws<PackException>(() =>
            new PackRenderer(RecordLoader.Load(Data).Records, Templates, new DateOnly(2024, 1, 1)).Render(new VisitPackRequest(meeting)));

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void A_template_syntax_error_is_a_TPL_diagnostic_at_its_line_and_column_printed_unchanged()
    {
        File.AppendAllText(Path.Combine(Templates, "visit-brief.sbn"), "\n{{ for x in items\n");
        var problem = Assert.Single(RenderFails().Diagnostics);
        Assert.Equal((Severity.Error, TemplateCodes.Syntax, "templates/visit-brief.sbn"), (problem.Severity, problem.Code, problem.Path));
        Assert.True(problem.Line > 1 && problem.Column >= 1, problem.ToString());

        var (exit, _, error) = Visit();
        Assert.Equal(1, exit);
        Assert.Equal([problem.ToString()], Lines(error));
        Assert.StartsWith($"templates/visit-brief.sbn:{problem.Line}:{problem.Column}: error TPL003: ", error);
    }

    [Fact]
    public void Markdown_the_tree_cannot_hold_is_an_MD_diagnostic_at_its_rendered_line_printed_unchanged()
    {
        // Raw HTML written by the template itself (record text is escaped, so only a template can do this).
        File.AppendAllText(Path.Combine(Templates, "visit-brief.sbn"), "\n\n<div>not Markdown</div>\n");
        var problem = Assert.Single(RenderFails().Diagnostics);
        Assert.Equal((Severity.Error, MarkdownCodes.Unsupported, "templates/visit-brief.sbn (rendered Markdown)"), (problem.Severity, problem.Code, problem.Path));
        Assert.True(problem.Line > 1, problem.ToString());
        Assert.Contains("raw HTML", problem.Message);

        var (exit, _, error) = Visit();
        Assert.Equal(1, exit);
        Assert.Equal([problem.ToString()], Lines(error));
    }

    [Fact]
    public void An_unknown_meeting_is_a_PACK_diagnostic_without_a_file_printed_unchanged()
    {
        var problem = Assert.Single(RenderFails("2023-12-04-xi-lukashenk").Diagnostics);
        Assert.Equal((Severity.Error, PackCodes.UnknownMeeting, "", 0, 0), (problem.Severity, problem.Code, problem.Path, problem.Line, problem.Column));

        var (exit, output, error) = Visit("2023-12-04-xi-lukashenk");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal([problem.ToString()], Lines(error));
        Assert.StartsWith("error PACK001: unknown meeting '2023-12-04-xi-lukashenk'; nearest: 2023-12-04-xi-lukashenko", error);
    }

    [Fact]
    public void A_tree_check_failure_is_a_DOC_diagnostic_in_the_pack_file_printed_unchanged()
    {
        // A template that links to a heading no heading has: the Markdown reads, the shared tree check refuses it.
        File.AppendAllText(Path.Combine(Templates, "visit-brief.sbn"), "\n\nSee [the annex](#no-such-annex).\n");
        var (exit, _, error) = Run("visit", Meeting, "--data", Data, "--templates", Templates, "--out", Path.Combine(root, "out"), "--format", "md,pdf");
        Assert.Equal(1, exit);
        var line = Assert.Single(Lines(error));
        Assert.Equal($"visit-{Meeting}.pdf: error DOC005: link 'the annex' points at '#no-such-annex', but no heading has that id", line);
    }
}
