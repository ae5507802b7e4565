using Briefings.Documents;

namespace Briefings.Packs;

/// <summary>
/// The one-time work of a process's first pack, started ahead on a second core: a pack command is otherwise serial
/// until its writers start (arguments, records, templates, then the writers side by side), so the other core waits.
/// </summary>
public static class PackStartUp
{
    /// <summary>
    /// Starts on a background thread, and returns at once: first the rendering's one-time work (Scriban's built-in
    /// functions, the Markdown pipeline), which the first template render needs soonest; then each format's writer
    /// (<see cref="IDocumentWriter.Prepare"/>) with the templates folder's theme. What the caller does next (loading
    /// records) overlaps it; the renderer and writers then find it done, or finish it themselves. The packs are the
    /// same either way. Does nothing on a single-core machine, where it would only compete with the caller.
    /// </summary>
    /// <param name="formats">The formats about to be written, in the order to prepare them.</param>
    /// <param name="templatesFolder">The templates folder of the packs to come: its theme names the fonts to load.
    /// Null, or a theme that cannot be read (the renderer reports it), prepares what does not depend on the theme.</param>
    /// <returns>A task that completes when the preparation has finished; it never faults (whatever fails here is met
    /// again, and reported, by the step that needs it). Callers need not wait for it.</returns>
    public static Task Prepare(IEnumerable<PackFormat> formats, string? templatesFolder)
    {
        var preparations = formats.Select(f => f.Preparation).OfType<Action<Theme?>>().ToList();
        if (Environment.ProcessorCount < 2)
            return Task.CompletedTask;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            Try(Templates.TemplateEngine.Prepare);
            Try(Markdown.MarkdownReader.Prepare);
            Theme? theme = null;
            if (preparations.Count > 0 && templatesFolder is not null)
                Try(() => theme = Themes.ThemeLoader.LoadFromFolder(templatesFolder));
            foreach (var prepare in preparations)
                Try(() => prepare(theme));
            done.SetResult();
        })
        { IsBackground = true, Name = "Briefings start-up preparation" };
        thread.Start();
        return done.Task;
    }

    private static void Try(Action step)
    {
        try
        {
            step();
        }
        catch (Exception)
        {
            // Only work done ahead: the step that needs it meets the problem again, and reports it.
        }
    }
}
