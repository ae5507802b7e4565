using System.Text;
using Briefings.Documents;

namespace Briefings.Packs;

/// <summary>An output format of a pack: its name on the command line, its file extension and how to write it.</summary>
public sealed record PackFormat(string Name, string Extension, Action<RenderedPack, Stream> Write)
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The Markdown the template rendered, as read into the document tree.</summary>
    public static PackFormat Markdown { get; } = new("md", "md", (pack, stream) =>
    {
        var bytes = Utf8NoBom.GetBytes(pack.Markdown);
        stream.Write(bytes);
    });

    /// <summary>A format backed by a document writer (PDF, Word): it sees the document tree and the theme only.</summary>
    public static PackFormat FromWriter(IDocumentWriter writer) =>
        new(writer.Format, writer.Format, (pack, stream) => writer.Write(pack.Document, pack.Theme, stream));
}
