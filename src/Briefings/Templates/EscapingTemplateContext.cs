using System.Diagnostics;
using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace Briefings.Templates;

/// <summary>
/// The Scriban context templates run in: every value a template prints is escaped as Markdown text
/// unless it is <see cref="RawMarkdown"/> or <see cref="TrackedMarkdown"/>; loops also check the time budget and the output size.
/// </summary>
internal sealed class EscapingTemplateContext : TemplateContext
{
    private readonly TemplateLimits limits;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long written;
    private long steps;

    /// <summary>
    /// Scriban's built-in functions (string.*, array.* ...), built once and shared by every context: building them is a
    /// reflection pass per render. Templates only read them (their own variables go to the globals pushed above), and
    /// they are read-only so that no render can change another's.
    /// </summary>
    private static readonly Scriban.Functions.BuiltinFunctions SharedBuiltins = CreateBuiltins();

    /// <summary>Builds the shared built-in functions now, if not yet (<see cref="TemplateEngine.Prepare"/>).</summary>
    public static void Prepare() => _ = SharedBuiltins;

    private static Scriban.Functions.BuiltinFunctions CreateBuiltins()
    {
        var builtins = new Scriban.Functions.BuiltinFunctions();
        builtins.IsReadOnly = true;
        return builtins;
    }

    public EscapingTemplateContext(TemplateLimits limits) : base(SharedBuiltins)
    {
        this.limits = limits;
        LoopLimit = limits.LoopLimit;
        RecursiveLimit = limits.RecursionLimit;
        // Scriban cuts any value longer than LimitToString to "..." without an error, which silently truncated
        // long sections (the China profile). Output size is bounded by MaxOutputLength instead.
        LimitToString = 0;
        StrictVariables = true; // a misspelt variable is an error, not an empty string
        EnableRelaxedMemberAccess = false;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        CheckBudget(span);
        if (textAsObject is null)
            return this;
        string text;
        switch (textAsObject)
        {
            case RawMarkdown raw:
                text = raw.Markdown;
                break;
            case TrackedMarkdown tracked:
                tracked.Written();
                text = tracked.Markdown;
                break;
            default:
                text = MarkdownEscape.Inline(ObjectToString(textAsObject));
                break;
        }
        written += text.Length;
        if (written > limits.MaxOutputLength)
            throw new ScriptRuntimeException(span, $"the template wrote more than {limits.MaxOutputLength} characters");
        return base.Write(span, text);
    }

    public override string ObjectToString(object? value, bool nested = false) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        RawMarkdown raw => raw.Markdown,
        TrackedMarkdown tracked => tracked.Markdown,
        _ => base.ObjectToString(value, nested) ?? "",
    };

    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        CheckBudget(loop.Span);
        return base.OnStepLoop(loop);
    }

    private void CheckBudget(SourceSpan span)
    {
        // Reading the clock costs more than most writes; every 64th step is often enough for a limit of seconds.
        if ((steps++ & 63) != 0)
            return;
        if (clock.Elapsed > limits.TimeLimit)
            throw new ScriptRuntimeException(span, $"rendering took longer than the limit of {limits.TimeLimit.TotalSeconds:0.#} s");
    }
}
