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

    /// <summary>The writer's one-time preparation for a theme (<see cref="IDocumentWriter.Prepare"/>); null when it needs none.</summary>
    public Action<Theme>? Prepare { get; init; }

    /// <summary>
    /// Starts, on the thread pool, the one-time preparation of the given formats' writers for the theme in
    /// <paramref name="templatesFolder"/>, so that a single pack's first document does not wait for it: call it
    /// before loading the records. Nothing needs to wait for the task, and the output is the same with or
    /// without it; problems (an unusable theme, a missing font) are left for the render to report.
    /// </summary>
    public static Task PrepareInBackground(IEnumerable<PackFormat> formats, string templatesFolder)
    {
        var preparations = formats.Where(f => f.Prepare is not null).Select(f => f.Prepare!).ToList();
        if (preparations.Count == 0)
            return Task.CompletedTask;
        return Task.Run(() =>
        {
            try
            {
                var theme = Themes.ThemeLoader.LoadFromFolder(templatesFolder);
                Parallel.ForEach(preparations, prepare =>
                {
                    try
                    {
                        prepare(theme);
                    }
                    catch (Exception e) when (e is DocumentWriteException or IOException or InvalidOperationException or ArgumentException)
                    {
                        // The render meets the same problem and reports it with its location.
                    }
                });
            }
            catch (Exception e) when (e is Themes.ThemeException or IOException or UnauthorizedAccessException)
            {
                // As above: the renderer reports an unusable theme.
            }
        });
    }

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
            Prepare = writer.Prepare,
            Fingerprint = $"{writer.Format}:{writer.GetType().Assembly.ManifestModule.ModuleVersionId:N}",
        };
}
