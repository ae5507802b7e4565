namespace Briefings.Templates;

/// <summary>A template failed to parse or render; each problem reads <c>templates/NAME:line:col: error: message</c>.</summary>
public sealed class TemplateException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
