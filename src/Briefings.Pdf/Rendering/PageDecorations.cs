using System.Globalization;
using Briefings.Documents;
using Briefings.Pdf.Layout;
using Briefings.Pdf.Serialization;
using Briefings.Pdf.Text;
using SkiaSharp;

namespace Briefings.Pdf.Rendering;

/// <summary>
/// What surrounds the body on every page: the handling marking centred at top and bottom, a running
/// header with the title and "Page X of Y", and the cover page built from the metadata. The furniture is
/// drawn as artifacts; the cover's text is content, tagged under the document element (given as root)
/// before the body: the title as a level-1 heading, the rest as paragraphs.
/// </summary>
internal sealed class PageDecorations(DocumentMetadata metadata, PdfStyles styles, StructureElement root)
{
    private readonly PageTheme page = styles.Theme.Page;
    private readonly StructureElement? coverKicker = styles.Theme.Cover.Enabled ? new(StructureRoles.Paragraph, root) : null;
    private readonly StructureElement? coverDate = styles.Theme.Cover.Enabled && metadata.Date is not null ? new(StructureRoles.Paragraph, root) : null;
    private readonly StructureElement? coverTitle = styles.Theme.Cover.Enabled ? new(StructureRoles.Heading(1), root) : null;
    private readonly StructureElement? coverSubtitle = styles.Theme.Cover.Enabled && !string.IsNullOrWhiteSpace(metadata.Subtitle) ? new(StructureRoles.Paragraph, root) : null;
    // A paragraph for each label and each value of the cover fields.
    private readonly List<StructureElement> coverFields = styles.Theme.Cover.Enabled
        ? Enumerable.Range(0, 2 * CoverFields(metadata, styles).Count).Select(_ => new StructureElement(StructureRoles.Paragraph, root)).ToList()
        : [];

    private static List<KeyValuePair<string, string>> CoverFields(DocumentMetadata metadata, PdfStyles styles)
    {
        var fields = new List<KeyValuePair<string, string>>(metadata.CoverFields);
        if (metadata.Date is { } asOf && !fields.Any(f => f.Key.Equals("As of", StringComparison.OrdinalIgnoreCase)))
            fields.Add(new("As of", styles.FormatDate(asOf)));
        return fields;
    }

    private float Width => (float)page.Width;
    private float Height => (float)page.Height;
    private float Left => (float)page.MarginLeft;
    private float Right => Width - (float)page.MarginRight;

    public static string PageLabel(int number, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"Page {number} of {total}");

    public void DrawFurniture(LayoutContext context, PageCanvas canvas, bool cover)
    {
        var fonts = context.Fonts;
        if (!string.IsNullOrWhiteSpace(metadata.Marking))
        {
            var marking = fonts.Shape(styles.Marking.Family, true, false, metadata.Marking);
            float x = (Width - marking.Width * styles.Marking.Size) / 2;
            TextLayout.DrawShaped(canvas, marking, styles.Marking, x, 26);
            TextLayout.DrawShaped(canvas, marking, styles.Marking, x, Height - 20);
        }

        var label = fonts.Shape(styles.Furniture.Family, false, false, PageLabel(context.PageNumber, context.TotalPages));
        float labelWidth = label.Width * styles.Furniture.Size;
        var rule = canvas.Paint(styles.RuleColour, 0.5f);
        if (cover)
        {
            // The cover has no running header: its page label sits above the bottom marking.
            TextLayout.DrawShaped(canvas, label, styles.Furniture, Right - labelWidth, Height - 40);
            return;
        }

        float headerBaseline = (float)page.MarginTop - 22;
        var title = FitToWidth(context, metadata.Title, styles.Furniture, Right - Left - labelWidth - 24);
        TextLayout.DrawShaped(canvas, title, styles.Furniture, Left, headerBaseline);
        TextLayout.DrawShaped(canvas, label, styles.Furniture, Right - labelWidth, headerBaseline);
        canvas.Sk.DrawLine(Left, headerBaseline + 7, Right, headerBaseline + 7, rule);

        float footerRule = Height - (float)page.MarginBottom + 18;
        canvas.Sk.DrawLine(Left, footerRule, Right, footerRule, rule);
        if (metadata.Date is { } date)
        {
            var asOf = fonts.Shape(styles.Furniture.Family, false, false, "As of " + styles.FormatDate(date));
            TextLayout.DrawShaped(canvas, asOf, styles.Furniture, Left, footerRule + 12);
        }
    }

    /// <summary>The title shortened with an ellipsis when the running header has no room for all of it.</summary>
    private static Fonts.ShapedText FitToWidth(LayoutContext context, string text, TextStyle style, float width)
    {
        var shaped = context.Fonts.Shape(style.Family, style.Bold, style.Italic, text);
        if (shaped.Width * style.Size <= width || text.Length < 4)
            return shaped;
        for (int length = text.Length - 1; length > 3; length--)
        {
            var candidate = context.Fonts.Shape(style.Family, style.Bold, style.Italic, text[..length].TrimEnd() + "…");
            if (candidate.Width * style.Size <= width)
                return candidate;
        }
        return shaped;
    }

    /// <summary>Shapes every piece of metadata text the pages will show, so missing glyphs are found in the layout pass.</summary>
    public void CheckText(LayoutContext context)
    {
        var texts = new List<string> { metadata.Title, styles.Theme.Cover.Kicker };
        if (metadata.Subtitle is not null) texts.Add(metadata.Subtitle);
        if (metadata.Marking is not null) texts.Add(metadata.Marking);
        foreach (var (key, value) in metadata.CoverFields)
            texts.AddRange([key, value]);
        foreach (var text in texts)
            TextLayout.Create([new TextSpan(text, styles.Furniture)], 1000, TextAlignment.Left, 1, context.Fonts, context.Problems, context.Hyphenator);
    }

    public void DrawCover(LayoutContext context, PageCanvas canvas)
    {
        var cover = styles.Theme.Cover;
        float bandTop = 40;
        float bandHeight = (float)cover.BandHeight;
        canvas.Sk.DrawRect(new SKRect(0, bandTop, Width, bandTop + bandHeight), canvas.Paint(PdfStyles.Colour(cover.BandColour), antialias: false));

        var white = new SKColor(255, 255, 255);
        var kickerStyle = new TextStyle(styles.Fonts.Heading, 11, white, Bold: true);
        var kicker = context.Fonts.Shape(kickerStyle.Family, true, false, cover.Kicker.ToUpperInvariant());
        canvas.BeginStructure(coverKicker);
        TextLayout.DrawShaped(canvas, kicker, kickerStyle, Left, bandTop + bandHeight / 2);
        canvas.EndStructure(coverKicker, true);
        if (metadata.Date is { } date)
        {
            var dateStyle = new TextStyle(styles.Fonts.Heading, 10, white.WithAlpha(210));
            var dateText = context.Fonts.Shape(dateStyle.Family, false, false, styles.FormatDate(date));
            canvas.BeginStructure(coverDate);
            TextLayout.DrawShaped(canvas, dateText, dateStyle, Left, bandTop + bandHeight / 2 + 18);
            canvas.EndStructure(coverDate, true);
        }

        float width = Right - Left;
        float y = bandTop + bandHeight + 48;
        var headings = styles.Theme.Headings;
        y = DrawParagraph(context, canvas, metadata.Title, new TextStyle(styles.Fonts.Heading, (float)headings.TitleSize, styles.HeadingColour, Bold: true), Left, y, width, 1.15f, coverTitle);
        if (!string.IsNullOrWhiteSpace(metadata.Subtitle))
            y = DrawParagraph(context, canvas, metadata.Subtitle, new TextStyle(styles.Fonts.Heading, (float)headings.SubtitleSize, styles.Muted), Left, y + 6, width, 1.3f, coverSubtitle);

        y += 18;
        canvas.Sk.DrawLine(Left, y, Left + 60, y, canvas.Paint(styles.Accent, 2.5f));
        y += 26;

        var labelStyle = new TextStyle(styles.Fonts.Heading, 8.5f, styles.Muted, Bold: true);
        var valueStyle = styles.Body with { Size = 11 };
        var fields = CoverFields(metadata, styles);
        int field = 0;
        foreach (var (key, value) in fields)
        {
            DrawParagraph(context, canvas, key.ToUpperInvariant(), labelStyle, Left, y + 2, 120, 1.3f, coverFields[field++]);
            y = DrawParagraph(context, canvas, value, valueStyle, Left + 130, y, width - 130, 1.3f, coverFields[field++]) + 8;
        }
    }

    private static float DrawParagraph(LayoutContext context, PageCanvas canvas, string text, TextStyle style, float x, float y, float width, float lineHeight, StructureElement? structure)
    {
        canvas.BeginStructure(structure);
        float bottom = TextLayout.Create([new TextSpan(text, style)], width, TextAlignment.Left, lineHeight, context.Fonts, context.Problems, context.Hyphenator).Draw(canvas, x, y);
        canvas.EndStructure(structure, true);
        return bottom;
    }
}
