namespace Briefings.Documents;

/// <summary>Renders a document tree to one output format. Implementations see the tree and the theme, nothing else.</summary>
public interface IDocumentWriter
{
    /// <summary>The format name used on the command line and the file extension, e.g. "pdf" or "docx".</summary>
    string Format { get; }

    /// <summary>Writes the document to the stream. Throws <see cref="DocumentWriteException"/> for content it cannot render.</summary>
    void Write(Document document, Theme theme, Stream output);

    /// <summary>
    /// Does the one-time work of a process's first document ahead of it — loading the theme's fonts, building
    /// the format's tables, the code paths of every kind of block — so that a caller with a core to spare can
    /// overlap it with loading records and rendering templates. Optional: writing works the same without it,
    /// and its output is the same. The default writes a small document of every block kind to nowhere.
    /// </summary>
    void Prepare(Theme theme) => Write(WarmUpDocument.Instance, theme, Stream.Null);
}

/// <summary>A small document with one block of every kind, for <see cref="IDocumentWriter.Prepare"/>.</summary>
public static class WarmUpDocument
{
    /// <summary>The document (the same instance every time).</summary>
    public static Document Instance { get; } = Build();

    private static Document Build()
    {
        static IReadOnlyList<Inline> Words(string text) => [new Text(text)];
        var body = new List<Block>
        {
            new TableOfContents("Contents", 2),
            new Heading(1, "summary", Words("Summary")),
            new Paragraph([new Text("A paragraph with "), new Strong(Words("strong")), new Text(", "), new Emphasis(Words("emphasis")), new Text(", "), new Code("code"), new Text(" and a note."), new FootnoteReference(1), new LineBreak(), new Link("#summary", Words("a link"))]),
            new Heading(2, "detail", Words("Detail")),
            new ListBlock(false, 1, [new ListItem([new Paragraph(Words("A point."))])]),
            new ListBlock(true, 1, [new ListItem([new Paragraph(Words("A step."))])]),
            new Table(
                [new TableColumn(ColumnAlignment.Left, 1), new TableColumn(ColumnAlignment.Right, 1)],
                [new TableRow([new TableCell(Words("Date")), new TableCell(Words("Count"))])],
                [new TableRow([new TableCell(Words("4 December 2023")), new TableCell(Words("2"))])]),
            new Callout("note", "Key messages", [new Paragraph(Words("A call-out."))]),
            new Quote([new Paragraph(Words("A quotation."))], Words("A speaker")),
            new DefinitionList([new DefinitionItem(Words("Term"), [new Paragraph(Words("Definition."))])]),
            new Rule(),
        };
        return new Document(
            new DocumentMetadata { Title = "Warm-up", Marking = "OFFICIAL", Date = new DateOnly(2000, 1, 1) },
            body,
            [new Footnote(1, "1", [new Paragraph(Words("A source, 1 January 2000."))])]);
    }
}

/// <summary>A writer of a paged format (PDF) that also tells how many pages it wrote, for manifests and indexes.</summary>
public interface IPagedDocumentWriter : IDocumentWriter
{
    /// <summary>As <see cref="IDocumentWriter.Write"/>; returns the number of pages written.</summary>
    int WritePaged(Document document, Theme theme, Stream output);
}

/// <summary>
/// Content the writer cannot render (e.g. a character no font can draw), as diagnostics naming the text
/// (DOC, PDF and DOCX codes, see <see cref="DocumentCodes"/>). Their path is empty: the writer knows only the
/// tree, so whoever names the output file places them in it (<see cref="Diagnostic.InFile"/>).
/// </summary>
public sealed class DocumentWriteException : Exception
{
    /// <summary>Every problem found, with a message summing them up.</summary>
    public DocumentWriteException(IReadOnlyList<Diagnostic> diagnostics, string message) : base(message) =>
        Diagnostics = diagnostics;

    /// <summary>One problem: an error with <paramref name="code"/> and the message.</summary>
    public DocumentWriteException(string code, string message) : this([Diagnostic.Error(code, message)], message) { }

    /// <summary>The problems that stopped the document from being written (path empty, see <see cref="Diagnostic.InFile"/>).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
