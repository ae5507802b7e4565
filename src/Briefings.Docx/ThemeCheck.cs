using Briefings.Documents;

namespace Briefings.Docx;

/// <summary>Theme values the Word writer relies on, checked up front so a bad theme fails with every problem named.</summary>
internal static class ThemeCheck
{
    public static IEnumerable<string> Problems(Theme theme)
    {
        var colours = new (string Name, string? Value)[]
        {
            ("colours.text", theme.Colours.Text), ("colours.heading", theme.Colours.Heading),
            ("colours.accent", theme.Colours.Accent), ("colours.link", theme.Colours.Link),
            ("colours.muted", theme.Colours.Muted), ("colours.rule", theme.Colours.Rule),
            ("colours.marking", theme.Colours.Marking), ("colours.callout_background", theme.Colours.CalloutBackground),
            ("colours.callout_border", theme.Colours.CalloutBorder), ("colours.quote_border", theme.Colours.QuoteBorder),
            ("table.header_background", theme.Table.HeaderBackground), ("table.header_text", theme.Table.HeaderText),
            ("table.border", theme.Table.Border), ("cover.band_colour", theme.Cover.BandColour),
        };
        foreach (var (name, value) in colours)
            if (!Units.IsColour(value))
                yield return $"theme {name} is '{value}', expected a colour like \"#1F3864\"";
        if (!string.IsNullOrEmpty(theme.Table.BandBackground) && !Units.IsColour(theme.Table.BandBackground))
            yield return $"theme table.band_background is '{theme.Table.BandBackground}', expected a colour like \"#F2F5F9\" or empty";

        var page = theme.Page;
        if (page.Width <= 0 || page.Height <= 0)
            yield return $"theme page size {page.Width} x {page.Height} pt is not a page";
        else if (page.MarginLeft + page.MarginRight >= page.Width || page.MarginTop + page.MarginBottom >= page.Height)
            yield return "theme page margins leave no room for text";
        if (page.MarginLeft < 0 || page.MarginRight < 0 || page.MarginTop < 0 || page.MarginBottom < 0)
            yield return "theme page margins must not be negative";

        foreach (var (name, size) in new[]
                 {
                     ("fonts.body_size", theme.Fonts.BodySize), ("fonts.footnote_size", theme.Fonts.FootnoteSize),
                     ("headings.title_size", theme.Headings.TitleSize), ("headings.subtitle_size", theme.Headings.SubtitleSize),
                     ("headings.h1_size", theme.Headings.H1Size), ("headings.h2_size", theme.Headings.H2Size),
                     ("headings.h3_size", theme.Headings.H3Size), ("table.font_size", theme.Table.FontSize),
                 })
            if (!(size is > 0 and <= 800))
                yield return $"theme {name} is {size} pt, expected a font size between 1 and 800";

        foreach (var (name, family) in new[] { ("fonts.body", theme.Fonts.Body), ("fonts.heading", theme.Fonts.Heading), ("fonts.mono", theme.Fonts.Mono) })
            if (string.IsNullOrWhiteSpace(family))
                yield return $"theme {name} names no font family";
    }
}
