using Briefings.Documents;
using Briefings.Markdown;
using Briefings.Templates;
using Xunit;

namespace Briefings.Packs.Tests;

public class TemplateEngineTests : IDisposable
{
    private const string Hostile = "| ** # [x](http://evil) <b>";
    private readonly TempFolder folder = new();
    private readonly TemplateHelpers helpers = new(new DateOnly(2023, 12, 4), new Theme());

    public void Dispose() => folder.Dispose();

    private string Render(string name, string template, object? model = null, TemplateLimits? limits = null)
    {
        folder.File($"templates/{name}.sbn", template);
        return new TemplateEngine(Path.Combine(folder.Path, "templates"), limits).Render(name, model ?? new { }, helpers);
    }

    private TemplateException Fails(string name, string template, object? model = null, TemplateLimits? limits = null) =>
        Assert.Throws<TemplateException>(() => Render(name, template, model, limits));

    [Fact]
    public void HostileRecordTextStaysLiteralAndChangesNoStructure()
    {
        var markdown = Render("hostile", """
            ---
            title: {{ yaml name }}
            ---
            # {{ name }}

            ## {{ "Item #" }}

            {{ name }}

            - {{ name }}

            | Name | Note |
            |---|---|
            | {{ name }} | {{ name }} |

            Inline {{ name }} and a {{ link name "https://example.org" }}.

            {{ lines }}
            """, new { Name = Hostile, Lines = "# heading?\n\n- list?\n> quote?\n1. number?\n::: callout x\n[[pagebreak]]" });
        var document = MarkdownReader.Read(markdown, "templates/hostile.sbn");

        Assert.Equal(Hostile, document.Metadata.Title);
        Assert.Equal(Hostile, Assert.IsType<Heading>(document.Blocks[0]).PlainText);
        Assert.Equal("Item #", Assert.IsType<Heading>(document.Blocks[1]).PlainText);
        document = document with { Blocks = document.Blocks.Where((_, i) => i != 1).ToList() };
        Assert.Equal(Hostile, Assert.IsType<Paragraph>(document.Blocks[1]).Content.ToPlainText());
        Assert.Equal(Hostile, Assert.IsType<Paragraph>(Assert.Single(Assert.IsType<ListBlock>(document.Blocks[2]).Items).Blocks[0]).Content.ToPlainText());
        var table = Assert.IsType<Table>(document.Blocks[3]);
        Assert.Equal(2, table.Columns.Count);
        var row = Assert.Single(table.BodyRows);
        Assert.All(row.Cells, cell => Assert.Equal(Hostile, cell.Content.ToPlainText()));
        var inline = Assert.IsType<Paragraph>(document.Blocks[4]);
        Assert.Equal($"Inline {Hostile} and a {Hostile}.", inline.Content.ToPlainText());
        // The one link is the one the template wrote, to the URL the template gave.
        Assert.Equal("https://example.org/", Assert.Single(inline.Content.OfType<Link>()).Target);
        var lines = Assert.IsType<Paragraph>(document.Blocks[5]);
        Assert.Equal("# heading? - list? > quote? 1. number? ::: callout x [[pagebreak]]", lines.Content.ToPlainText());
        Assert.Equal(6, document.Blocks.Count);
        Assert.DoesNotContain(document.Blocks.Descendants(), b => b is Heading { Level: > 1 } or Callout or Quote or PageBreak);
        Assert.All(document.Blocks.OfType<Paragraph>().SelectMany(p => p.Content), i => Assert.IsNotType<Strong>(i));
    }

    [Fact]
    public void RawHelperPassesTrustedMarkdownThrough()
    {
        var markdown = Render("raw", "---\ntitle: t\n---\n{{ raw \"**bold**\" }} {{ \"**not bold**\" }}\n");
        var paragraph = Assert.IsType<Paragraph>(Assert.Single(MarkdownReader.Read(markdown, "t").Blocks));
        Assert.IsType<Strong>(paragraph.Content[0]);
        Assert.Equal("bold **not bold**", paragraph.Content.ToPlainText());
    }

    [Fact]
    public void SyntaxErrorIsReportedWithTemplateLineAndColumn()
    {
        var problem = Assert.Single(Fails("broken", "line one\nline two\n{{ for x in items\n  x\n").Problems);
        Assert.Matches(@"^templates/broken\.sbn:\d+:\d+: error TPL003: ", problem);
        Assert.StartsWith("templates/broken.sbn:4:4: error TPL003:", problem);
    }

    [Fact]
    public void RuntimeErrorNamesTheTemplatePosition()
    {
        var problem = Assert.Single(Fails("unknown", "ok\n  {{ no_such_value }}\n").Problems);
        Assert.StartsWith("templates/unknown.sbn:2:6: error TPL004: ", problem);
        Assert.Contains("no_such_value", problem);
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("../../etc/passwd")]
    [InlineData("parts/../../secret")]
    [InlineData("/etc/passwd")]
    public void IncludeOutsideTheTemplatesFolderIsRefused(string target)
    {
        folder.File("secret.sbn", "SECRET");
        var problem = Assert.Single(Fails("escape", $"before\n{{{{ include '{target}' }}}}\n").Problems);
        Assert.StartsWith("templates/escape.sbn:2:", problem);
        Assert.Contains("refused", problem);
    }

    [Fact]
    public void IncludeInsideTheFolderWorksAndIsNotEscapedTwice()
    {
        folder.File("templates/parts/row.sbn", "**{{ value }}**");
        var markdown = Render("main", "{{ include 'parts/row' }}", new { Value = "a*b" });
        Assert.Equal("**a\\*b**", markdown);
    }

    [Fact]
    public void RunawayLoopIsStopped()
    {
        var problem = Assert.Single(Fails("loop", "start\n{{ while true }}x{{ end }}\n").Problems);
        Assert.StartsWith("templates/loop.sbn:2:", problem);
        Assert.Contains("limit", problem);
    }

    [Fact]
    public void RunawayRecursionIsStopped()
    {
        var problem = Assert.Single(Fails("recurse", "{{ func down(n)\n  ret down(n + 1)\nend }}{{ down 1 }}").Problems);
        Assert.StartsWith("templates/recurse.sbn:", problem);
        Assert.Contains("recursive", problem);
    }

    [Fact]
    public void TimeLimitStopsRendering()
    {
        var problem = Assert.Single(Fails("slow", "{{ for i in 1..5 }}{{ i }}{{ end }}", limits: new TemplateLimits { TimeLimit = TimeSpan.Zero }).Problems);
        Assert.StartsWith("templates/slow.sbn:1:", problem);
        Assert.Contains("longer than the limit", problem);
    }

    [Fact]
    public void OutputSizeIsBounded()
    {
        var problem = Assert.Single(Fails("big", "{{ for i in 1..100 }}{{ \"xxxxxxxxxx\" }}{{ end }}", limits: new TemplateLimits { MaxOutputLength = 500 }).Problems);
        Assert.Contains("more than 500 characters", problem);
    }

    [Fact]
    public void LongValuesAreWrittenWhole()
    {
        // A captured section longer than Scriban's string-conversion limit must not be cut to "...".
        var markdown = Render("long", "{{ capture section }}{{ for i in 1..3000 }}word {{ end }}{{ end }}{{ raw section }}end");
        Assert.Equal(string.Concat(Enumerable.Repeat("word ", 3000)) + "end", markdown.Trim());
    }

    [Fact]
    public void MissingTemplateIsAClearError()
    {
        Directory.CreateDirectory(Path.Combine(folder.Path, "templates"));
        var e = Assert.Throws<TemplateException>(() => new TemplateEngine(Path.Combine(folder.Path, "templates")).Render("nope", new { }, helpers));
        Assert.Equal("templates/nope: error TPL002: template 'nope' not found in the templates folder", Assert.Single(e.Problems));
    }
}
