using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Briefings.Templates;

/// <summary>
/// Resolves <c>include</c> names inside the templates folder only: no absolute paths, no <c>..</c>,
/// no links leading out. A name without an extension gets <c>.sbn</c>.
/// </summary>
internal sealed class SandboxedTemplateLoader : ITemplateLoader
{
    private readonly string root;

    public SandboxedTemplateLoader(string templatesFolder)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(templatesFolder));
    }

    /// <summary>The full path for a template name, or an explanation of why the name is refused.</summary>
    public (string? Path, string? Refusal) Resolve(string templateName)
    {
        if (string.IsNullOrWhiteSpace(templateName))
            return (null, "empty template name");
        var name = templateName.Replace('\\', '/');
        if (name.StartsWith('/') || Path.IsPathRooted(templateName) || name.Contains(':'))
            return (null, $"template '{templateName}' is refused: only names inside the templates folder may be used");
        if (name.Split('/').Any(segment => segment is ".." or "."))
            return (null, $"template '{templateName}' is refused: '..' and '.' may not appear in a template name");
        if (Path.GetExtension(name).Length == 0)
            name += ".sbn";
        var full = Path.GetFullPath(Path.Combine(root, name));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return (null, $"template '{templateName}' is refused: it lies outside the templates folder");
        if (!File.Exists(full))
            return (null, $"template '{templateName}' not found in the templates folder");
        // A link inside the folder must not lead out of it.
        var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
        if (target is not null && !Path.GetFullPath(target.FullName).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return (null, $"template '{templateName}' is refused: it links outside the templates folder");
        return (full, null);
    }

    /// <summary>The name shown in messages: <c>templates/visit-brief.sbn</c>.</summary>
    public string DisplayName(string fullPath) =>
        "templates/" + Path.GetRelativePath(root, fullPath).Replace('\\', '/');

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var (path, refusal) = Resolve(templateName);
        if (path is null)
            throw new ScriptRuntimeException(callerSpan, refusal!);
        return DisplayName(path);
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
    {
        // templatePath is the display name GetPath returned; map it back into the folder.
        var relative = templatePath.StartsWith("templates/", StringComparison.Ordinal) ? templatePath["templates/".Length..] : templatePath;
        var (path, refusal) = Resolve(relative);
        if (path is null)
            throw new ScriptRuntimeException(callerSpan, refusal!);
        return File.ReadAllText(path);
    }

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
