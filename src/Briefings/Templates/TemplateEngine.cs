using Briefings.Documents;
using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefings.Templates;

/// <summary>
/// Renders a Scriban template from the templates folder into Markdown. Record text is escaped by default,
/// includes stay inside the folder, loops, recursion, time and output size are bounded, and every
/// failure is a <see cref="TemplateException"/> reading <c>templates/NAME:line:col: error TPLnnn: message</c>.
/// </summary>
internal sealed class TemplateEngine
{
    private readonly SandboxedTemplateLoader loader;
    private readonly TemplateLimits limits;

    public TemplateEngine(string templatesFolder, TemplateLimits? limits = null)
    {
        if (!Directory.Exists(templatesFolder))
            throw new TemplateException([Diagnostic.ErrorAt(templatesFolder, TemplateCodes.FolderNotFound, "templates folder not found")]);
        TemplatesFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(templatesFolder));
        loader = new SandboxedTemplateLoader(TemplatesFolder);
        this.limits = limits ?? new TemplateLimits();
    }

    public string TemplatesFolder { get; }

    /// <summary>Builds what every render shares, once per process (Scriban's built-in functions), ahead of the first render.</summary>
    public static void Prepare() => EscapingTemplateContext.Prepare();

    /// <summary>
    /// Renders <paramref name="templateName"/> (e.g. "visit-brief") with the model's public properties as
    /// snake_case globals (<c>Meeting</c> becomes <c>meeting</c>) and the helpers.
    /// </summary>
    public string Render(string templateName, object model, TemplateHelpers helpers) =>
        RenderWithInputs(templateName, model, helpers).Markdown;

    /// <summary>Like <see cref="Render"/>, also naming every template read (main first, then includes) for a manifest.</summary>
    /// <remarks>
    /// Templates read the model's properties, and those of the records it holds, by reflection. A trimmed application
    /// must keep this assembly's public members: the natively compiled <c>briefings</c> program trims only assemblies
    /// that declare themselves trimmable (<c>TrimMode=partial</c>), which this one does not.
    /// </remarks>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026",
        Justification = "The view models and records are this assembly's own public types, which trimmed applications keep whole (see remarks).")]
    public (string Markdown, IReadOnlyList<string> TemplatesRead) RenderWithInputs(string templateName, object model, TemplateHelpers helpers)
    {
        var (path, refusal) = loader.Resolve(templateName);
        if (path is null)
            throw new TemplateException([Diagnostic.ErrorAt($"templates/{templateName}", TemplateCodes.NotFound, refusal ?? "template not found")]);
        var displayName = loader.DisplayName(path);
        var template = Parse(path, displayName);

        var read = new List<string> { displayName };
        var context = new EscapingTemplateContext(limits) { TemplateLoader = new RecordingLoader(loader, read) };
        var globals = new ScriptObject();
        globals.Import(model, renamer: context.MemberRenamer);
        helpers.Register(globals);
        globals.SetValue("include", new EscapedIncludeFunction(), readOnly: true);
        context.PushGlobal(globals);
        try
        {
            return (template.Render(context), read);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException([At(e.Span, TemplateCodes.Runtime, e.OriginalMessage)]);
        }
        catch (OperationCanceledException)
        {
            throw new TemplateException([Diagnostic.ErrorAt(displayName, TemplateCodes.Cancelled, "rendering was cancelled")]);
        }
    }

    /// <summary>Parsed templates, reused while the file is unchanged (a batch renders the same template many times).</summary>
    private readonly Dictionary<string, (DateTime Written, long Length, Template Template)> parsed = new(StringComparer.Ordinal);

    private Template Parse(string path, string displayName)
    {
        var info = new FileInfo(path);
        lock (parsed)
        {
            if (parsed.TryGetValue(path, out var cached) && cached.Written == info.LastWriteTimeUtc && cached.Length == info.Length)
                return cached.Template;
        }
        var template = Template.Parse(File.ReadAllText(path), displayName);
        if (template.HasErrors)
            throw new TemplateException(template.Messages.Select(m => At(m.Span, TemplateCodes.Syntax, m.Message)).ToList());
        lock (parsed)
            parsed[path] = (info.LastWriteTimeUtc, info.Length, template);
        return template;
    }

    private static Diagnostic At(Scriban.Parsing.SourceSpan span, string code, string message) =>
        Diagnostic.ErrorAt(span.FileName, span.Start.Line + 1, span.Start.Column + 1, code, message);

    /// <summary>Includes render Markdown the template wrote itself, so their output is not escaped again.</summary>
    private sealed class EscapedIncludeFunction : IScriptCustomFunction
    {
        private readonly IncludeFunction include = new();

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new RawMarkdown(include.Invoke(context, callerContext, arguments, blockStatement)?.ToString() ?? "");

        public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new RawMarkdown((await include.InvokeAsync(context, callerContext, arguments, blockStatement))?.ToString() ?? "");

        public int RequiredParameterCount => include.RequiredParameterCount;
        public int ParameterCount => include.ParameterCount;
        public ScriptVarParamKind VarParamKind => include.VarParamKind;
        public Type ReturnType => typeof(RawMarkdown);
        public ScriptParameterInfo GetParameterInfo(int index) => include.GetParameterInfo(index);
    }

    private sealed class RecordingLoader(SandboxedTemplateLoader inner, List<string> read) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templateName) =>
            inner.GetPath(context, callerSpan, templateName);

        public string Load(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath)
        {
            if (!read.Contains(templatePath))
                read.Add(templatePath);
            return inner.Load(context, callerSpan, templatePath);
        }

        public ValueTask<string?> LoadAsync(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }
}
