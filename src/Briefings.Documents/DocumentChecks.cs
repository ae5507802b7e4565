namespace Briefings.Documents;

/// <summary>
/// The one judgement of what a valid document tree and theme are, run by both writers before either writes:
/// a tree or theme one writer accepts, the other accepts too, and both name the same problems.
/// </summary>
public static class DocumentChecks
{
    /// <summary>Every problem of the theme and of the tree, in one exception naming the document and the format.</summary>
    /// <exception cref="DocumentWriteException">when there is any problem.</exception>
    public static void ThrowIfInvalid(Document document, Theme theme, string format)
    {
        var problems = ThemeProblems(theme).Concat(TreeProblems(document)).ToList();
        if (problems.Count > 0)
            throw Failure(document, format, problems);
    }

    /// <summary>
    /// The exception for <paramref name="problems"/> (distinct ones, in order), its message
    /// "cannot write 'TITLE' as FORMAT (N problems):" and one indented line per problem.
    /// </summary>
    public static DocumentWriteException Failure(Document document, string format, IEnumerable<Diagnostic> problems)
    {
        var distinct = problems.Distinct().ToList();
        var message = $"cannot write '{document.Metadata.Title}' as {format} ({distinct.Count} problem{(distinct.Count == 1 ? "" : "s")}):"
            + string.Concat(distinct.Select(p => $"{Environment.NewLine}  {p.Message}"));
        return new DocumentWriteException(distinct, message);
    }

    /// <summary>A colour as both writers take it: <c>#RRGGBB</c>, nothing else (no alpha, no names).</summary>
    public static bool IsColour(string? value) =>
        value is { Length: 7 } && value[0] == '#' && value.Skip(1).All(char.IsAsciiHexDigit);

    /// <summary>
    /// References the tree makes that must resolve inside it: footnote marks to notes, internal links to
    /// heading ids (unique and present).
    /// </summary>
    public static IEnumerable<Diagnostic> TreeProblems(Document document)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Headings())
        {
            if (string.IsNullOrEmpty(heading.Id))
                yield return Diagnostic.Error(DocumentCodes.HeadingId, $"heading '{heading.PlainText}' has no id");
            else if (!ids.Add(heading.Id))
                yield return Diagnostic.Error(DocumentCodes.HeadingId, $"heading id '{heading.Id}' is used by more than one heading (second: '{heading.PlainText}')");
        }
        foreach (var table in document.Blocks.Descendants().Concat(document.Footnotes.SelectMany(f => f.Blocks.Descendants())).OfType<Table>())
        {
            if (table.Columns.Count == 0)
                yield return Diagnostic.Error(DocumentCodes.TableShape, "a table has no columns");
            else if (table.HeaderRows.Count + table.BodyRows.Count == 0)
                yield return Diagnostic.Error(DocumentCodes.TableShape, "a table has no rows");
            foreach (var row in table.HeaderRows.Concat(table.BodyRows).Where(r => r.Cells.Count > table.Columns.Count))
                yield return Diagnostic.Error(DocumentCodes.TableShape, $"a table row has {row.Cells.Count} cells but the table has {table.Columns.Count} columns: '{string.Join(" | ", row.Cells.Select(c => c.Content.ToPlainText()))}'");
        }
        foreach (var figure in document.Blocks.Descendants().OfType<Figure>())
        {
            var name = string.IsNullOrWhiteSpace(figure.Caption) ? "a figure" : $"figure '{figure.Caption}'";
            if (string.IsNullOrWhiteSpace(figure.AltText))
                yield return Diagnostic.Error(DocumentCodes.FigureProblem, $"{name} has no alternative text (say what it shows: counts, names, dates)");
            if (!(figure.Drawing.Width > 0 && figure.Drawing.Height > 0) || !(figure.Size.Aspect > 0) || figure.Size.WidthPoints is <= 0)
                yield return Diagnostic.Error(DocumentCodes.FigureProblem, $"{name} has no area (drawing {figure.Drawing.Width} x {figure.Drawing.Height}, aspect {figure.Size.Aspect})");
            foreach (var colour in figure.Drawing.Items.SelectMany(ColoursOf).Distinct().Where(c => !IsColour(c)))
                yield return Diagnostic.Error(DocumentCodes.FigureProblem, $"{name} uses the colour '{colour}', expected one like \"#1F3864\"");
        }
        var notes = document.Footnotes.Select(f => f.Number).ToHashSet();
        foreach (var inline in Inlines(document))
        {
            switch (inline)
            {
                case FootnoteReference reference when !notes.Contains(reference.Number):
                    yield return Diagnostic.Error(DocumentCodes.MissingFootnote, $"footnote reference [{reference.Number}] has no footnote");
                    break;
                case Link { IsInternal: true } link when !ids.Contains(link.Target[1..]):
                    yield return Diagnostic.Error(DocumentCodes.BrokenLink, $"link '{link.Content.ToPlainText()}' points at '{link.Target}', but no heading has that id");
                    break;
            }
        }
    }

    private static IEnumerable<string> ColoursOf(DrawingItem item) => item switch
    {
        DrawingPath path => new[] { path.Fill, path.Stroke }.OfType<string>(),
        DrawingText text => [text.Colour],
        _ => [],
    };

    /// <summary>Every inline of the document, the footnotes' included, nested ones after their parent.</summary>
    private static IEnumerable<Inline> Inlines(Document document)
    {
        var blocks = document.Blocks.Descendants().Concat(document.Footnotes.SelectMany(f => f.Blocks.Descendants()));
        foreach (var block in blocks)
        {
            IEnumerable<IReadOnlyList<Inline>> lists = block switch
            {
                Heading h => [h.Content],
                Paragraph p => [p.Content],
                Table t => t.HeaderRows.Concat(t.BodyRows).SelectMany(r => r.Cells).Select(c => c.Content),
                Quote { Attribution: { } attribution } => [attribution],
                DefinitionList d => d.Items.Select(i => i.Term),
                _ => [],
            };
            foreach (var list in lists)
            {
                foreach (var inline in Flatten(list))
                    yield return inline;
            }
        }
    }

    private static IEnumerable<Inline> Flatten(IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            yield return inline;
            IReadOnlyList<Inline> children = inline switch
            {
                Emphasis e => e.Content,
                Strong s => s.Content,
                Link l => l.Content,
                _ => [],
            };
            foreach (var child in Flatten(children))
                yield return child;
        }
    }

    /// <summary>Theme values both writers rely on.</summary>
    public static IEnumerable<Diagnostic> ThemeProblems(Theme theme)
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
            if (!IsColour(value))
                yield return Diagnostic.Error(DocumentCodes.BadTheme, $"theme {name} is '{value}', expected a colour like \"#1F3864\"");
        if (!string.IsNullOrEmpty(theme.Table.BandBackground) && !IsColour(theme.Table.BandBackground))
            yield return Diagnostic.Error(DocumentCodes.BadTheme, $"theme table.band_background is '{theme.Table.BandBackground}', expected a colour like \"#F2F5F9\" or empty");

        var page = theme.Page;
        if (page.Width <= 0 || page.Height <= 0)
            yield return Diagnostic.Error(DocumentCodes.BadTheme, $"theme page size {page.Width} x {page.Height} pt is not a page");
        else if (page.MarginLeft + page.MarginRight >= page.Width || page.MarginTop + page.MarginBottom >= page.Height)
            yield return Diagnostic.Error(DocumentCodes.BadTheme, "theme page margins leave no room for text");
        if (page.MarginLeft < 0 || page.MarginRight < 0 || page.MarginTop < 0 || page.MarginBottom < 0)
            yield return Diagnostic.Error(DocumentCodes.BadTheme, "theme page margins must not be negative");

        foreach (var (name, size) in new[]
                 {
                     ("fonts.body_size", theme.Fonts.BodySize), ("fonts.footnote_size", theme.Fonts.FootnoteSize),
                     ("headings.title_size", theme.Headings.TitleSize), ("headings.subtitle_size", theme.Headings.SubtitleSize),
                     ("headings.h1_size", theme.Headings.H1Size), ("headings.h2_size", theme.Headings.H2Size),
                     ("headings.h3_size", theme.Headings.H3Size), ("table.font_size", theme.Table.FontSize),
                 })
            if (!(size is > 0 and <= 800))
                yield return Diagnostic.Error(DocumentCodes.BadTheme, $"theme {name} is {size} pt, expected a font size between 1 and 800");

        foreach (var (name, family) in new[] { ("fonts.body", theme.Fonts.Body), ("fonts.heading", theme.Fonts.Heading), ("fonts.mono", theme.Fonts.Mono) })
            if (string.IsNullOrWhiteSpace(family))
                yield return Diagnostic.Error(DocumentCodes.BadTheme, $"theme {name} names no font family");
    }
}
