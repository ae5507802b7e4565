using System.Globalization;
using Briefings.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Briefings.Docx.Tests;

public class FootnoteTests
{
    [Fact]
    public void Footnotes_part_opens_with_the_separator_notes_the_settings_name()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var notes = word.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<W.Footnote>().ToList();
        Assert.Equal((W.FootnoteEndnoteValues.Separator, -1L), (notes[0].Type!.Value, notes[0].Id!.Value));
        Assert.NotNull(notes[0].Descendants<W.SeparatorMark>().SingleOrDefault());
        Assert.Equal((W.FootnoteEndnoteValues.ContinuationSeparator, 0L), (notes[1].Type!.Value, notes[1].Id!.Value));
        Assert.NotNull(notes[1].Descendants<W.ContinuationSeparatorMark>().SingleOrDefault());
        // The separator takes the room LibreOffice leaves for its own (7.5 pt), so both applications give the text
        // the same room above the notes: an exact line, not a line of body text.
        var spacing = notes[0].Descendants<W.SpacingBetweenLines>().Single();
        Assert.Equal(("150", W.LineSpacingRuleValues.Exact), (spacing.Line!.Value, spacing.LineRule!.Value));
        var settings = word.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<W.FootnoteDocumentWideProperties>()!;
        Assert.Equal([-1, 0], settings.Elements<W.FootnoteSpecialReference>().Select(r => r.Id!.Value));
    }

    [Fact]
    public void Every_citation_is_a_real_footnote_with_the_brief_s_text()
    {
        var document = SampleDocuments.VisitBrief();
        using var word = Render.Open(document);
        var notes = word.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<W.Footnote>().Where(n => n.Type is null).ToList();
        Assert.Equal(document.Footnotes.Select(f => (long)f.Number), notes.Select(n => n.Id!.Value));
        Assert.Equal(
            document.Footnotes.Select(f => string.Join("\n", f.Blocks.OfType<Documents.Paragraph>().Select(p => p.Content.ToPlainText()))),
            notes.Select(n => string.Join("\n", n.Elements<W.Paragraph>().Select(Read.Text)).TrimStart()));
        foreach (var note in notes)
        {
            var first = note.Elements<W.Paragraph>().First();
            Assert.Equal("FootnoteText", Read.Style(first));
            var mark = first.Elements<W.Run>().First();
            Assert.NotNull(mark.GetFirstChild<W.FootnoteReferenceMark>());
            Assert.Equal("FootnoteReference", mark.RunProperties?.RunStyle?.Val?.Value);
        }
    }

    [Fact]
    public void Text_refers_to_each_note_once_and_repeats_are_NOTEREF_fields_to_it()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief());
        var references = Read.Body(word).Descendants<W.FootnoteReference>().Select(r => r.Id!.Value).ToList();
        Assert.Equal([1L, 2L, 3L], references);
        var repeated = Read.TopParagraph(word, "Repeated citation1.");
        var field = Assert.Single(NoteFields.In(repeated));
        Assert.Equal("NOTEREF _RefNote1 \\f \\h", field.Instruction);
        Assert.Equal("1", field.Result);
        Assert.All(field.Runs, r => Assert.Equal("FootnoteReference", r.RunProperties?.RunStyle?.Val?.Value));
        Assert.Empty(repeated.Descendants<W.Hyperlink>());
        Assert.Equal(W.VerticalPositionValues.Superscript, Read.StyleById(word, "FootnoteReference").StyleRunProperties?.VerticalTextAlignment?.Val?.Value);
    }

    [Fact]
    public void After_a_note_is_inserted_before_them_every_citation_mark_still_refers_to_its_note()
    {
        var bytes = Render.Bytes(SampleDocuments.VisitBrief());
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using var word = WordprocessingDocument.Open(stream, isEditable: true);
        var body = Read.Body(word);
        var cited = NoteFields.In(body).Select(f => (f.Instruction, Note: int.Parse(f.Result, CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(cited);

        // What an editor does: a new note cited at the very start of the text.
        var footnotes = word.MainDocumentPart!.FootnotesPart!.Footnotes!;
        var newId = footnotes.Elements<W.Footnote>().Max(f => f.Id!.Value) + 1;
        footnotes.Append(new W.Footnote(new W.Paragraph(new W.Run(new W.FootnoteReferenceMark()), new W.Run(new W.Text(" A new note.")))) { Id = newId });
        body.InsertAt(new W.Paragraph(new W.Run(new W.Text("New text")), new W.Run(new W.FootnoteReference { Id = newId })), 0);

        // Word numbers notes by the order of their references; a NOTEREF shows the number of the note
        // whose reference its bookmark holds.
        var order = body.Descendants<W.FootnoteReference>().Select(r => r.Id!.Value).ToList();
        foreach (var (instruction, note) in cited)
        {
            var name = instruction.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            var start = body.Descendants<W.BookmarkStart>().Single(b => b.Name == name);
            var enclosed = start.ElementsAfter().TakeWhile(e => !(e is W.BookmarkEnd end && end.Id == start.Id)).ToList();
            var reference = Assert.Single(enclosed.SelectMany(e => e.Descendants<W.FootnoteReference>()));
            Assert.Equal(note, reference.Id!.Value);
            Assert.Equal(note + 1, order.IndexOf(reference.Id!.Value) + 1);
        }
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word));
    }

    [Fact]
    public void Footnote_text_size_comes_from_the_theme()
    {
        using var word = Render.Open(SampleDocuments.VisitBrief(), new Documents.Theme { Fonts = new Documents.FontTheme { FootnoteSize = 7.5 } });
        Assert.Equal("15", Read.StyleById(word, "FootnoteText").StyleRunProperties?.FontSize?.Val?.Value);
    }
}

/// <summary>Complex fields read back from runs: instruction, stored result and the runs that make them.</summary>
internal sealed record NoteField(string Instruction, string Result, List<W.Run> Runs)
{
}

internal static class NoteFields
{
    public static List<NoteField> In(OpenXmlElement root)
    {
        var fields = new List<NoteField>();
        List<W.Run>? runs = null;
        var instruction = new System.Text.StringBuilder();
        var result = new System.Text.StringBuilder();
        var inResult = false;
        foreach (var run in root.Descendants<W.Run>())
        {
            var fieldChar = run.GetFirstChild<W.FieldChar>()?.FieldCharType?.Value;
            if (fieldChar == W.FieldCharValues.Begin) { runs = [run]; instruction.Clear(); result.Clear(); inResult = false; continue; }
            if (runs is null) continue;
            runs.Add(run);
            if (fieldChar == W.FieldCharValues.Separate) inResult = true;
            else if (fieldChar == W.FieldCharValues.End)
            {
                var text = instruction.ToString().Trim();
                if (text.StartsWith("NOTEREF", StringComparison.Ordinal))
                    fields.Add(new NoteField(text, result.ToString(), runs));
                runs = null;
            }
            else if (inResult) result.Append(Read.Text(run));
            else instruction.Append(string.Concat(run.Elements<W.FieldCode>().Select(c => c.Text)));
        }
        return fields;
    }
}
