namespace Briefings.Documents;

/// <summary>Renders a document tree to one output format. Implementations see the tree and the theme, nothing else.</summary>
public interface IDocumentWriter
{
    /// <summary>The format name used on the command line and the file extension, e.g. "pdf" or "docx".</summary>
    string Format { get; }

    /// <summary>Writes the document to the stream. Throws <see cref="DocumentWriteException"/> for content it cannot render.</summary>
    void Write(Document document, Theme theme, Stream output);
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
