namespace Briefings.Documents;

/// <summary>Renders a document tree to one output format. Implementations see the tree and the theme, nothing else.</summary>
public interface IDocumentWriter
{
    /// <summary>The format name used on the command line and the file extension, e.g. "pdf" or "docx".</summary>
    string Format { get; }

    /// <summary>Writes the document to the stream. Throws <see cref="DocumentWriteException"/> for content it cannot render.</summary>
    void Write(Document document, Theme theme, Stream output);

    /// <summary>
    /// Does ahead of time the one-time work of this writer's first <see cref="Write"/> in this process (loading what
    /// its libraries and fonts need), so a caller with a processor core to spare can overlap it with other start-up
    /// work. Safe to call from any thread, at the same time as <see cref="Write"/> and more than once; the output is
    /// the same whether it ran or not. Does nothing unless the writer has such work.
    /// </summary>
    /// <param name="theme">The theme of the documents to come (its fonts), or null when it is not known yet.</param>
    void Prepare(Theme? theme) { }
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
