namespace Briefings.Markdown;

/// <summary>
/// The Markdown a template produced uses something the document tree cannot represent.
/// Every problem is listed, each as <c>source:line:col: error: message</c>.
/// </summary>
public sealed class MarkdownReadException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
