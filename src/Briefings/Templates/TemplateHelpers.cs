using System.Collections;
using System.Globalization;
using Briefings.Documents;
using Humanizer;
using Scriban.Runtime;

namespace Briefings.Templates;

/// <summary>
/// Functions templates call to make prose read naturally (backed by Humanizer), all relative to the
/// pack's as-of date and in the theme's date format. Registered under snake_case names:
/// <c>date</c>, <c>date_range</c>, <c>relative</c>, <c>span</c>, <c>years_between</c>, <c>ordinal</c>, <c>words</c>,
/// <c>quantity</c>, <c>join</c>, <c>with_article</c>, <c>duration</c>, <c>raw</c>, <c>link</c>, <c>yaml</c>.
/// </summary>
internal sealed class TemplateHelpers(DateOnly asOf, Theme theme)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public DateOnly AsOf { get; } = asOf;

    /// <summary>A date in the theme's format: "4 December 2023".</summary>
    public string Date(object? value) => ToDate(value)?.ToString(theme.DateFormat, English) ?? "";

    /// <summary>"4 December 2023", or "3 – 4 December 2023" style ranges for multi-day meetings.</summary>
    public string DateRange(object? from, object? to)
    {
        if (ToDate(from) is not { } start)
            return "";
        if (ToDate(to) is not { } end || end == start)
            return Date(start);
        if (start.Year == end.Year && start.Month == end.Month && theme.DateFormat == "d MMMM yyyy")
            return $"{start.Day}–{Date(end)}";
        return $"{Date(start)} – {Date(end)}";
    }

    /// <summary>Time from the as-of date: "nine months ago", "in three days", "tomorrow", "today".</summary>
    public string Relative(object? value)
    {
        if (ToDate(value) is not { } date)
            return "";
        if (date == AsOf)
            return "today";
        if (date == AsOf.AddDays(1))
            return "tomorrow";
        if (date == AsOf.AddDays(-1))
            return "yesterday";
        return date < AsOf ? $"{Span(date, AsOf)} ago" : $"in {Span(AsOf, date)}";
    }

    /// <summary>The time between two dates in the largest sensible unit: "nine months", "two years", "three weeks".</summary>
    public string Span(object? from, object? to)
    {
        if (ToDate(from) is not { } start || ToDate(to) is not { } end)
            return "";
        if (end < start)
            (start, end) = (end, start);
        var months = (end.Year - start.Year) * 12 + end.Month - start.Month - (end.Day < start.Day ? 1 : 0);
        if (months >= 12)
        {
            // Whole years round down, so 35 months is "nearly three years", not "two years".
            var years = months / 12;
            return months % 12 >= 9 ? $"nearly {InWords(years + 1, "year")}" : InWords(years, "year");
        }
        if (months >= 1)
            return InWords(months, "month");
        var days = end.DayNumber - start.DayNumber;
        if (days >= 7)
            return InWords(days / 7, "week");
        return InWords(days, "day");
    }

    /// <summary>Whole years from one date to another (the as-of date when none is given): years of relations.</summary>
    public int YearsBetween(object? from, object? to = null)
    {
        if (ToDate(from) is not { } start)
            return 0;
        var end = ToDate(to) ?? AsOf;
        var years = end.Year - start.Year;
        if (end < start.AddYears(years))
            years--;
        return Math.Max(years, 0);
    }

    /// <summary>Ordinal words: 2 -> "second".</summary>
    public string Ordinal(int number) => NumberWords.Ordinal(number);

    /// <summary>A number in words for one to nine and in figures above ("three", "12"), as style guides ask.</summary>
    public string Words(int number) => number is >= 0 and < 10 ? NumberWords.Words(number) : number.ToString(English);

    /// <summary>"three documents", "one meeting", "12 visits".</summary>
    public string Quantity(int count, string noun) =>
        count is >= 0 and < 10 ? InWords(count, noun) : $"{count.ToString(English)} {NounFor(count, noun)}";

    /// <summary>
    /// "three months": the number in English words whatever the machine's culture (Humanizer's
    /// <c>ShowQuantityAs.Words</c> would spell it in the current UI culture: "neun months").
    /// </summary>
    private static string InWords(int count, string noun) => $"{NumberWords.Words(count)} {NounFor(count, noun)}";

    /// <summary>The noun for a count ("meeting", "meetings"): see <see cref="Nouns"/>.</summary>
    private static string NounFor(int count, string noun) => Nouns.For(count, noun);

    /// <summary>"Kazakhstan, Uzbekistan and Russia".</summary>
    public string Join(object? items, string conjunction = "and")
    {
        if (items is not IEnumerable enumerable || items is string)
            return items?.ToString() ?? "";
        var parts = enumerable.Cast<object?>().Select(i => i?.ToString() ?? "").Where(s => s.Length > 0).ToList();
        // Joined here rather than by Humanizer, whose collection formatter follows the current UI culture.
        return parts.Count switch
        {
            0 => "",
            1 => parts[0],
            _ => $"{string.Join(", ", parts.Take(parts.Count - 1))} {conjunction} {parts[^1]}",
        };
    }

    /// <summary>The length of a stay, counting both ends: 3 to 4 December is "two days".</summary>
    public string Duration(object? from, object? to)
    {
        if (ToDate(from) is not { } start)
            return "";
        var end = ToDate(to) ?? start;
        return InWords(Math.Abs(end.DayNumber - start.DayNumber) + 1, "day");
    }

    /// <summary>"a state visit", "an official visit"; plural phrases ("talks on the sidelines") stay as they are.</summary>
    public static string WithArticle(string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase))
            return "";
        if (phrase.StartsWith("talks", StringComparison.OrdinalIgnoreCase))
            return phrase;
        return ("aeio".Contains(char.ToLowerInvariant(phrase[0])) ? "an " : "a ") + phrase;
    }

    /// <summary>Trusted Markdown, written as is. Never pass record text through it.</summary>
    public static RawMarkdown Raw(object? markdown) => new(AsText(markdown));

    /// <summary>A link with escaped text; a URL that is not plain http(s) leaves just the text.</summary>
    public static RawMarkdown Link(object? text, object? url)
    {
        var label = MarkdownEscape.Inline(AsText(text));
        return MarkdownEscape.LinkDestination(AsText(url)) is { } destination
            ? new RawMarkdown($"[{label}]({destination})")
            : new RawMarkdown(label);
    }

    /// <summary>A front matter value: a quoted YAML string that reads back as exactly the text.</summary>
    public static RawMarkdown Yaml(object? text) => new(MarkdownEscape.YamlString(AsText(text)));

    /// <summary>Values as text the same way on every machine: dates in ISO form, numbers in invariant culture.</summary>
    private static string AsText(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static DateOnly? ToDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.Date),
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    };

    /// <summary>
    /// Adds the helpers to a Scriban global object, as typed functions (Scriban's import of a delegate would find its
    /// method by reflection, which a natively compiled program may not have kept).
    /// </summary>
    internal void Register(ScriptObject globals)
    {
        globals.SetValue("date", DelegateCustomFunction.CreateFunc<object?, string>(Date), readOnly: true);
        globals.SetValue("date_range", DelegateCustomFunction.CreateFunc<object?, object?, string>(DateRange), readOnly: true);
        globals.SetValue("relative", DelegateCustomFunction.CreateFunc<object?, string>(Relative), readOnly: true);
        globals.SetValue("span", DelegateCustomFunction.CreateFunc<object?, object?, string>(Span), readOnly: true);
        globals.SetValue("years_between", DelegateCustomFunction.CreateFunc<object?, object?, int>(YearsBetween), readOnly: true);
        globals.SetValue("ordinal", DelegateCustomFunction.CreateFunc<int, string>(Ordinal), readOnly: true);
        globals.SetValue("words", DelegateCustomFunction.CreateFunc<int, string>(Words), readOnly: true);
        globals.SetValue("quantity", DelegateCustomFunction.CreateFunc<int, string, string>(Quantity), readOnly: true);
        globals.SetValue("join", DelegateCustomFunction.CreateFunc<object?, string, string>(Join), readOnly: true);
        globals.SetValue("duration", DelegateCustomFunction.CreateFunc<object?, object?, string>(Duration), readOnly: true);
        globals.SetValue("with_article", DelegateCustomFunction.CreateFunc<string?, string>(WithArticle), readOnly: true);
        globals.SetValue("raw", DelegateCustomFunction.CreateFunc<object?, RawMarkdown>(Raw), readOnly: true);
        globals.SetValue("link", DelegateCustomFunction.CreateFunc<object?, object?, RawMarkdown>(Link), readOnly: true);
        globals.SetValue("yaml", DelegateCustomFunction.CreateFunc<object?, RawMarkdown>(Yaml), readOnly: true);
        globals.SetValue("as_of", AsOf, readOnly: true);
    }
}
