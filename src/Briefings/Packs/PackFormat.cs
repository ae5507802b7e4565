using System.Text;
using Briefings.Documents;

namespace Briefings.Packs;

/// <summary>An output format of a pack: its name on the command line, its file extension and how to write it.</summary>
public sealed record PackFormat(string Name, string Extension, Action<RenderedPack, Stream> Write)
{
    /// <summary>For paged formats: writes like <see cref="Write"/> and returns the page count.</summary>
    public Func<RenderedPack, Stream, int>? WritePaged { get; init; }

    /// <summary>
    /// What decides this format's bytes besides the pack: the writer's build (its module version id changes
    /// with its code and the fonts it embeds). A pack rendered by another build is not up to date.
    /// </summary>
    public string Fingerprint { get; init; } = "";

    /// <summary>The writer's one-time start-up work, done ahead (see <see cref="IDocumentWriter.Prepare"/>); null when it has none.</summary>
    public Action<Theme?>? Preparation { get; init; }

    /// <summary>Writes the pack; returns the page count for paged formats, null for the others.</summary>
    public int? WriteTo(RenderedPack pack, Stream stream)
    {
        if (WritePaged is { } paged)
            return paged(pack, stream);
        Write(pack, stream);
        return null;
    }

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The Markdown the template rendered, as read into the document tree.</summary>
    public static PackFormat Markdown { get; } = new("md", "md", (pack, stream) =>
    {
        var bytes = Utf8NoBom.GetBytes(pack.Markdown);
        stream.Write(bytes);
    })
    { Fingerprint = "md" };

    /// <summary>A format backed by a document writer (PDF, Word): it sees the document tree and the theme only.</summary>
    public static PackFormat FromWriter(IDocumentWriter writer) =>
        new(writer.Format, writer.Format, (pack, stream) => writer.Write(pack.Document, pack.Theme, stream))
        {
            WritePaged = writer is IPagedDocumentWriter paged ? (pack, stream) => paged.WritePaged(pack.Document, pack.Theme, stream) : null,
            Fingerprint = $"{writer.Format}:{writer.GetType().Assembly.ManifestModule.ModuleVersionId:N}",
            Preparation = writer.Prepare,
        };
}
