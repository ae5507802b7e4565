using System.Globalization;
using Briefings.Documents;
using Briefings.Docx.Styles;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx.Body;

/// <summary>
/// The table of contents: a real TOC field inside Word's contents control, whose stored result already
/// lists every heading as a link to its bookmark with a dot leader and a PAGEREF field, as Word's own
/// contents are built, so the list and its page numbers show the moment the file is opened. The stored
/// page numbers are estimates (<see cref="Navigation.PageEstimate"/>); the settings ask Word to update the
/// fields on opening, and "Update Table" recalculates them at any time.
/// </summary>
internal sealed class ContentsWriter(WriteContext context, InlineWriter inlines)
{
    public W.SdtBlock Write(TableOfContents contents)
    {
        var maxLevel = Math.Clamp(contents.MaxLevel, 1, 3);
        var instruction = $"TOC \\o \"1-{maxLevel.ToString(CultureInfo.InvariantCulture)}\" \\h \\z \\u";
        var paragraphs = new List<W.Paragraph>();
        if (!string.IsNullOrWhiteSpace(contents.Title))
            paragraphs.Add(BlockWriter.Paragraph(BlockWriter.Properties(StyleIds.TocHeading), [inlines.PlainRun(contents.Title)]));

        var entries = context.Document.Headings().Where(h => h.Level <= maxLevel).ToList();
        var pages = Navigation.PageEstimate.HeadingPages(context.Document, context.Theme);
        var fieldStart = new OpenXmlElement[] { Fields.Begin(), Fields.Instruction(instruction), Fields.Separate() };
        if (entries.Count == 0)
        {
            // An empty result still has to be a whole field, so Word can fill it later.
            paragraphs.Add(BlockWriter.Paragraph(BlockWriter.Properties(StyleIds.Toc(1)), [.. fieldStart, Fields.End()]));
        }
        for (var i = 0; i < entries.Count; i++)
        {
            var heading = entries[i];
            var paragraph = BlockWriter.Paragraph(BlockWriter.Properties(StyleIds.Toc(heading.Level)), i == 0 ? fieldStart : []);
            var entry = inlines.Write(heading.Content, InlineScope.Contents);
            var bookmark = context.Bookmarks.NameFor(heading.Id);
            if (bookmark is null)
                paragraph.Append(entry);
            else
            {
                var page = pages.GetValueOrDefault(heading.Id, 1).ToString(CultureInfo.InvariantCulture);
                entry.Add(new W.Run(new W.TabChar()));
                entry.AddRange(Fields.Simple($"PAGEREF {bookmark} \\h", page));
                paragraph.Append(new W.Hyperlink(entry) { Anchor = bookmark, History = OnOffValue.FromBoolean(true) });
            }
            if (i == entries.Count - 1)
                paragraph.Append(Fields.End());
            paragraphs.Add(paragraph);
        }

        return new W.SdtBlock(
            new W.SdtProperties(
                new W.SdtContentDocPartObject(
                    new W.DocPartGallery { Val = "Table of Contents" },
                    new W.DocPartUnique())),
            new W.SdtContentBlock(paragraphs));
    }
}
