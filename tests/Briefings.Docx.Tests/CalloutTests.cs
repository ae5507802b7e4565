using Briefings.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Xunit;
using static Briefings.Docx.Tests.SampleDocuments;

namespace Briefings.Docx.Tests;

/// <summary>
/// Call-outs are paragraphs in their kind's styles. Word and LibreOffice draw adjacent paragraphs as one box
/// when all their borders and their indents are identical, so these tests compare what each paragraph
/// resolves to (direct formatting, then its list level, then its style and the styles it is based on).
/// </summary>
public class CalloutTests
{
    private static List<W.Paragraph> Box(WordprocessingDocument word, string first, string last)
    {
        var paragraphs = Read.Body(word).Descendants<W.Paragraph>().ToList();
        int start = paragraphs.FindIndex(p => Read.Text(p) == first), end = paragraphs.FindIndex(p => Read.Text(p) == last);
        Assert.True(start >= 0 && end >= start, $"'{first}' … '{last}' not found in order");
        return paragraphs.GetRange(start, end - start + 1);
    }

    private static W.Style? StyleOf(WordprocessingDocument word, string? id) =>
        id is null ? null : word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<W.Style>().SingleOrDefault(s => s.StyleId == id);

    /// <summary>The paragraph's style and the styles it is based on, nearest first.</summary>
    private static IEnumerable<W.Style> StyleChain(WordprocessingDocument word, W.Paragraph paragraph)
    {
        for (var style = StyleOf(word, Read.Style(paragraph) ?? "Normal"); style is not null; style = StyleOf(word, style.BasedOn?.Val?.Value))
            yield return style;
    }

    private static W.Level? ListLevel(WordprocessingDocument word, W.Paragraph paragraph)
    {
        if (paragraph.ParagraphProperties?.NumberingProperties is not { } numbering)
            return null;
        var parts = word.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
        var instance = parts.Elements<W.NumberingInstance>().Single(n => n.NumberID?.Value == numbering.NumberingId!.Val!.Value);
        var abstractNum = parts.Elements<W.AbstractNum>().Single(a => a.AbstractNumberId?.Value == instance.AbstractNumId!.Val!.Value);
        return abstractNum.Elements<W.Level>().Single(l => l.LevelIndex?.Value == numbering.NumberingLevelReference!.Val!.Value);
    }

    /// <summary>Left, right, hanging and first-line indent as Word resolves them: direct, list level, style chain.</summary>
    private static string Indents(WordprocessingDocument word, W.Paragraph paragraph)
    {
        var indentation = paragraph.ParagraphProperties?.Indentation
            ?? ListLevel(word, paragraph)?.PreviousParagraphProperties?.Indentation
            ?? StyleChain(word, paragraph).Select(s => s.StyleParagraphProperties?.Indentation).FirstOrDefault(i => i is not null);
        Assert.NotNull(indentation);
        return $"left {indentation.Left?.Value} right {indentation.Right?.Value} hanging {indentation.Hanging?.Value} first {indentation.FirstLine?.Value}";
    }

    /// <summary>Each side of the paragraph's borders, side by side: direct, then the style chain.</summary>
    private static string Borders(WordprocessingDocument word, W.Paragraph paragraph)
    {
        var sets = new[] { paragraph.ParagraphProperties?.ParagraphBorders }
            .Concat(StyleChain(word, paragraph).Select(s => s.StyleParagraphProperties?.ParagraphBorders)).OfType<W.ParagraphBorders>().ToList();
        string Side<T>() where T : OpenXmlElement => sets.Select(s => s.GetFirstChild<T>()?.OuterXml).FirstOrDefault(x => x is not null) ?? "none";
        return string.Join(" ", Side<W.TopBorder>(), Side<W.LeftBorder>(), Side<W.BottomBorder>(), Side<W.RightBorder>(), Side<W.BetweenBorder>());
    }

    [Fact]
    public void A_call_out_is_paragraphs_in_its_kind_s_styles_with_the_look_in_the_style_not_a_table()
    {
        var theme = new Theme { Colours = new ColourTheme { CalloutBackground = "#EEEEEE", CalloutBorder = "#335577" } };
        using var word = Render.Open(VisitBrief(), theme);
        var box = Box(word, "Talking points", "Note progress on the Great Stone industrial park.");
        Assert.Equal(3, box.Count);
        Assert.Equal(["CalloutTalkingPointsTitle", "CalloutTalkingPoints", "CalloutTalkingPoints"], box.Select(Read.Style));
        // No table: neither a tblPr nor a cell around any of them, and no direct borders or shading.
        Assert.All(box, p => Assert.Empty(p.Ancestors<W.Table>()));
        Assert.All(box, p => Assert.Null(p.ParagraphProperties?.ParagraphBorders));
        Assert.All(box, p => Assert.Null(p.ParagraphProperties?.Shading));
        // The bullets are real list items inside the box.
        Assert.All(box.Skip(1), p => Assert.NotNull(p.ParagraphProperties?.NumberingProperties));

        var style = Read.StyleById(word, "CalloutTalkingPoints");
        Assert.Equal("Callout Talking Points", style.StyleName?.Val?.Value);
        Assert.Equal("EEEEEE", style.StyleParagraphProperties?.Shading?.Fill?.Value);
        Assert.Equal("335577", style.StyleParagraphProperties?.ParagraphBorders?.LeftBorder?.Color?.Value);
        var title = Read.StyleById(word, "CalloutTalkingPointsTitle");
        Assert.Equal("CalloutTalkingPoints", title.BasedOn?.Val?.Value);
        Assert.NotNull(title.StyleRunProperties?.Bold);
        Assert.NotNull(title.StyleParagraphProperties?.KeepNext);
    }

    [Fact]
    public void Each_kind_has_its_own_style_with_its_colours_as_in_the_pdf()
    {
        using var word = Render.Open(Callouts());
        Assert.Equal("FDF3E1", Read.StyleById(word, "CalloutWarning").StyleParagraphProperties?.Shading?.Fill?.Value);
        Assert.Equal("B45F06", Read.StyleById(word, "CalloutWarning").StyleParagraphProperties?.ParagraphBorders?.LeftBorder?.Color?.Value);
        Assert.Equal("F2F4F6", Read.StyleById(word, "CalloutAgenda").StyleParagraphProperties?.Shading?.Fill?.Value);
        Assert.Equal("EEF3F8", Read.StyleById(word, "CalloutPoints").StyleParagraphProperties?.Shading?.Fill?.Value);
        Assert.Equal("CalloutWarning", Read.Style(Read.Paragraph(word, "handle with care")));
    }

    [Fact]
    public void Every_paragraph_of_a_call_out_has_the_same_borders_and_indents_so_it_is_one_box()
    {
        using var word = Render.Open(Callouts());
        foreach (var (first, last) in new[]
                 {
                     ("Key messages", "second message"), ("Points to make", "a point to make"),
                     ("numbered one", "nested bullet"), ("In a list", "boxed in a list"),
                 })
        {
            var box = Box(word, first, last);
            Assert.True(box.Count >= 2);
            Assert.Single(box.Select(p => Indents(word, p)).Distinct());
            Assert.Single(box.Select(p => Borders(word, p)).Distinct());
            // Text starts at one edge and bullets hang before it: the hanging indent is the same everywhere.
            Assert.Contains("hanging 360", Indents(word, box[0]));
        }
        // A call-out inside a list item moves in with the item, all its paragraphs alike.
        Assert.NotEqual(Indents(word, Read.Paragraph(word, "Points to make")), Indents(word, Read.Paragraph(word, "In a list")));
        // A list in a call-out is a list (numbered, with its nested level) in the call-out's style.
        var numbered = Read.Paragraph(word, "numbered one");
        Assert.Equal("CalloutAgenda", Read.Style(numbered));
        Assert.Equal(W.NumberFormatValues.Decimal, ListLevel(word, numbered)?.NumberingFormat?.Val?.Value);
        Assert.Equal(1, Read.Paragraph(word, "nested bullet").ParagraphProperties?.NumberingProperties?.NumberingLevelReference?.Val?.Value);
    }

    [Fact]
    public void Call_outs_that_follow_one_another_stay_separate_boxes()
    {
        using var word = Render.Open(Callouts());
        var paragraphs = Read.Body(word).Elements<W.Paragraph>().ToList();
        W.Paragraph At(string text) => paragraphs.Single(p => Read.Text(p) == text);
        // Same kind after same kind: the borders differ where the boxes meet (one would join them), …
        Assert.NotEqual(Borders(word, At("second message")), Borders(word, At("Points to make")));
        Assert.Equal(paragraphs.IndexOf(At("second message")) + 1, paragraphs.IndexOf(At("Points to make")));
        // … the difference is the top border only, and it cannot be seen: one step from the background.
        var top = At("Points to make").ParagraphProperties?.ParagraphBorders;
        Assert.NotNull(top);
        Assert.Equal(["top"], top.ChildElements.Select(e => e.LocalName));
        Assert.Equal("EEF3F9", top.TopBorder?.Color?.Value);
        // A different kind next: different colours, so different borders.
        Assert.NotEqual(Borders(word, At("a point to make")), Borders(word, At("Caution")));
        Assert.Null(At("Caution").ParagraphProperties?.ParagraphBorders);
        // No spacer paragraph between them.
        Assert.Equal(paragraphs.IndexOf(At("a point to make")) + 1, paragraphs.IndexOf(At("Caution")));
        // No between border either (LibreOffice draws a box per paragraph when there is one).
        Assert.All(paragraphs.Where(p => Read.Style(p)?.StartsWith("Callout", StringComparison.Ordinal) == true),
            p => Assert.EndsWith(" none", Borders(word, p)));
    }

    [Fact]
    public void Call_outs_on_either_side_of_a_page_break_stay_separate_and_do_not_keep_together()
    {
        var document = new Document(new DocumentMetadata { Title = "Break" },
        [
            new Callout("points", null, [P(T("before the break"))]),
            new PageBreak(),
            new Callout("points", null, [P(T("after the break"))]),
        ], []);
        using var word = Render.Open(document);
        var before = Read.Paragraph(word, "before the break");
        var after = Read.Paragraph(word, "after the break");
        // The break is the second call-out's "page break before": the two are adjacent paragraphs, so their
        // borders must differ, and the first does not keep with the second.
        Assert.NotNull(after.ParagraphProperties?.PageBreakBefore);
        Assert.Same(before.NextSibling<W.Paragraph>(), after);
        Assert.NotEqual(Borders(word, before), Borders(word, after));
        Assert.Null(before.ParagraphProperties?.KeepNext);
    }

    [Fact]
    public void A_call_out_that_fits_on_a_page_is_kept_whole_and_consecutive_call_outs_together()
    {
        using var word = Render.Open(Callouts());
        bool Keeps(W.Paragraph p) => p.ParagraphProperties?.KeepNext is { } keep && (keep.Val?.Value ?? true);
        var first = Box(word, "Key messages", "second message");
        Assert.All(first, p => Assert.True(Keeps(p)));
        var second = Box(word, "Points to make", "a point to make");
        Assert.All(second, p => Assert.True(Keeps(p)));
        // The last of the three in a row keeps with nothing; the paragraph after them is free.
        var third = Read.Paragraph(word, "Caution");
        Assert.False(Keeps(Read.Paragraph(word, "handle with care")));
        Assert.True(Keeps(third));
        // The lines of every call-out paragraph stay together (the kind's style says so).
        Assert.NotNull(Read.StyleById(word, "CalloutPoints").StyleParagraphProperties?.KeepLines);

        // A call-out longer than a page is not chained (Word would start it on a new page and still break it);
        // its title still keeps with its first line.
        var longBox = Box(word, "Long", Read.Text(Read.Body(word).Descendants<W.Paragraph>().Last(p => Read.Text(p).StartsWith("long point", StringComparison.Ordinal))));
        Assert.Equal("CalloutPointsTitle", Read.Style(longBox[0]));
        Assert.All(longBox.Skip(1), p => Assert.False(Keeps(p)));
    }

    [Fact]
    public void A_call_out_holding_a_table_or_another_call_out_stays_a_one_cell_table()
    {
        using var word = Render.Open(EdgeCases());
        var outer = Read.Paragraph(word, "Outer box").Ancestors<W.Table>().Single();
        Assert.Equal("F2F4F6", Read.Paragraph(word, "Outer box").Ancestors<W.TableCell>().Single().TableCellProperties?.Shading?.Fill?.Value);
        // The call-out inside it holds only text: paragraphs in its kind's style, inside the outer cell.
        var inner = Read.Paragraph(word, "nested call-out");
        Assert.Equal("CalloutWarning", Read.Style(inner));
        Assert.Same(outer, inner.Ancestors<W.Table>().Single());
    }
}
