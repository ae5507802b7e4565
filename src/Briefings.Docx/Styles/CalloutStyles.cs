using System.Globalization;
using System.Text;
using Briefings.Documents;

namespace Briefings.Docx.Styles;

/// <summary>
/// Call-outs are paragraphs in styles of their own, one pair per kind ("Callout Points" and "Callout Points
/// Title"): the style holds the accent bar, the shading, the padding and the indents, so an editor restyles
/// every call-out of a kind at once. Word and LibreOffice draw adjacent paragraphs whose borders and indents
/// are identical as one box, so every paragraph of a call-out (title, text, list items) has the same borders
/// and the same left, right and hanging indent: text and list text start at one edge, bullets hang into the
/// padding at the box's inner edge. Lists nested inside a call-out share that indent (their bullets differ).
/// </summary>
internal static class CalloutStyles
{
    /// <summary>Width of the accent bar on the left, in points, as in the PDF.</summary>
    public const double BarWidth = 3;

    /// <summary>Padding between the bar and the text (and bullets), in points, as in the PDF.</summary>
    public const int PaddingLeft = 14;

    /// <summary>Padding on the right, above the first line and below the last, in points, as in the PDF.</summary>
    public const int PaddingRight = 10, PaddingTop = 8, PaddingBottom = 6;

    /// <summary>How far the text stands right of the bullets, in twips (as in body lists).</summary>
    public const int Hanging = Numbering.ListNumbering.Hanging;

    /// <summary>Space between paragraphs inside a call-out, in points, as in the PDF.</summary>
    public const double ParagraphSpacing = 4;

    /// <summary>The call-out's type size relative to the body's, as in the PDF.</summary>
    public const double TextScale = 0.95;

    /// <summary>Where a call-out's bullets (and the first line of its paragraphs) start, in twips from the container's edge.</summary>
    public static int BulletEdge => Units.Twips(BarWidth + PaddingLeft);

    /// <summary>The w:ind left of every call-out paragraph, in twips: text starts here, bullets hang before it.</summary>
    public static int TextLeft => BulletEdge + Hanging;

    /// <summary>The w:ind right of every call-out paragraph, in twips: the padding and the invisible right border.</summary>
    public static int TextRight => Units.Twips(PaddingRight + 0.5);

    /// <summary>The style ids of one kind's call-outs: its text (and list items) and its title.</summary>
    public sealed record Ids(string Body, string Title);

    /// <summary>The style ids for a call-out kind: "Callout" and the kind in letters and digits ("talking-points" gives CalloutTalkingPoints).</summary>
    public static Ids For(string kind)
    {
        var name = Name(kind);
        var id = "Callout" + name.Replace(" ", "", StringComparison.Ordinal);
        return new Ids(id, id + "Title");
    }

    /// <summary>The kind as words for a style name: "talking-points" gives "Talking Points".</summary>
    private static string Name(string kind)
    {
        var words = new StringBuilder();
        var startWord = true;
        foreach (var c in kind)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (startWord && words.Length > 0)
                    words.Append(' ');
                words.Append(startWord ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
                startWord = false;
            }
            else
            {
                startWord = true;
            }
        }
        return words.Length == 0 ? "Box" : words.ToString();
    }

    /// <summary>
    /// The borders of a call-out of the given colours. Only the bar is seen: top, right and bottom are drawn in
    /// the background colour, so they give the padding and close the box without a visible line.
    /// <paramref name="topColour"/> replaces the top border's colour (see <see cref="Distinct"/>).
    /// </summary>
    public static string BordersXml(string background, string border, string? topColour = null)
    {
        var fill = Units.Colour(background);
        string Side(string side, double size, int space, string colour) =>
            $"<w:{side} w:val=\"single\" w:sz=\"{Units.EighthPoints(size)}\" w:space=\"{space.ToString(CultureInfo.InvariantCulture)}\" w:color=\"{colour}\"/>";
        return "<w:pBdr>" +
               Side("top", 0.5, PaddingTop, topColour ?? fill) +
               Side("left", BarWidth, PaddingLeft, Units.Colour(border)) +
               Side("bottom", 0.5, PaddingBottom, fill) +
               Side("right", 0.5, PaddingRight, fill) +
               "</w:pBdr>";
    }

    /// <summary>
    /// A colour one step from the background: the top border of a call-out that follows another with the same
    /// colours. Word and LibreOffice join adjacent paragraphs into one box only when all their borders are
    /// identical, so the two call-outs stay two boxes, and the difference cannot be seen.
    /// </summary>
    public static string Distinct(string background)
    {
        var hex = Units.Colour(background);
        var last = int.Parse(hex.AsSpan(4, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var shifted = last == 0xFF ? 0xFE : last + 1;
        return hex[..4] + shifted.ToString("X2", CultureInfo.InvariantCulture);
    }

    /// <summary>The styles of every call-out kind the document uses, as WordprocessingML.</summary>
    public static IEnumerable<(string Id, string Name, string BasedOn, string Next, string PPr, string RPr)> Definitions(
        IEnumerable<string> kinds, Theme theme, Func<string, string> fontsFor)
    {
        var fonts = theme.Fonts;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            var ids = For(kind);
            if (!seen.Add(ids.Body))
                continue;
            var name = "Callout " + Name(kind);
            var (background, border) = CalloutKinds.Colours(kind, theme.Colours);
            var left = TextLeft.ToString(CultureInfo.InvariantCulture);
            var right = TextRight.ToString(CultureInfo.InvariantCulture);
            var hanging = Hanging.ToString(CultureInfo.InvariantCulture);
            yield return (ids.Body, name, StyleIds.Normal, ids.Body,
                // Lines of a call-out paragraph are never split across pages (the writer also keeps a call-out
                // that fits on a page whole, with keep-with-next on all but its last paragraph).
                "<w:keepLines/>" + BordersXml(background, border) +
                $"<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{Units.Colour(background)}\"/>" +
                $"<w:spacing w:before=\"0\" w:after=\"{Units.Twips(ParagraphSpacing)}\"/>" +
                $"<w:ind w:left=\"{left}\" w:right=\"{right}\" w:hanging=\"{hanging}\"/><w:jc w:val=\"left\"/>",
                $"<w:sz w:val=\"{Units.HalfPoints(fonts.BodySize * TextScale)}\"/><w:szCs w:val=\"{Units.HalfPoints(fonts.BodySize * TextScale)}\"/>");
            yield return (ids.Title, name + " Title", ids.Body, ids.Body,
                "<w:keepNext/>",
                fontsFor(fonts.Heading) + "<w:b/><w:bCs/>" +
                $"<w:color w:val=\"{Units.Colour(theme.Colours.Accent)}\"/>" +
                $"<w:sz w:val=\"{Units.HalfPoints(theme.Headings.H3Size)}\"/><w:szCs w:val=\"{Units.HalfPoints(theme.Headings.H3Size)}\"/>");
        }
    }
}
