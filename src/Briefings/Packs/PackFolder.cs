using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Briefings.Packs;

/// <summary>
/// Replaces a pack's folder as a whole. A pack is first written into a hidden staging folder beside its
/// folder (<c>.NAME.PID.RANDOM.staging</c>); committing moves the old folder aside
/// (<c>.NAME.PID.RANDOM.replaced</c>), moves the staging folder into its place and deletes the old one. An
/// interrupted run therefore leaves the pack's folder complete (old or new) or absent, never a mix, and its
/// leftovers are hidden folders that <see cref="CleanUp"/> removes on the next run once the process that made
/// them has ended (or, for another machine's, once they are hours old).
/// </summary>
internal static partial class PackFolder
{
    /// <summary>A hidden name for a temporary beside <paramref name="name"/>, carrying this process's id.</summary>
    public static string TemporaryName(string name, string kind) =>
        $".{name}.{Owner}.{Guid.NewGuid():N}.{kind}";

    /// <summary>This machine and process: <c>HOST-PID</c>, so shards sharing a volume never remove each other's work.</summary>
    private static readonly string Owner = $"{Host}-{Environment.ProcessId}";

    private static string Host => new(Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    /// <summary>Leftovers of another machine are removed only once they are this old (its process may still be writing).</summary>
    private static readonly TimeSpan ForeignLeftoverAge = TimeSpan.FromHours(6);

    /// <summary>Creates a fresh staging folder for pack <paramref name="name"/> under <paramref name="root"/>.</summary>
    /// <exception cref="PackException">when the output folder cannot be created.</exception>
    public static string Stage(string root, string name)
    {
        try
        {
            Directory.CreateDirectory(root);
            CleanUp(root, name);
            var staging = Path.Combine(root, TemporaryName(name, "staging"));
            Directory.CreateDirectory(staging);
            return staging;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The system's message alone ("Could not find file '/x'") does not say what was being done.
            throw new PackException([Diagnostic.ErrorAt(Path.Combine(root, name), PackCodes.CannotWrite, $"cannot create the output folder: {e.Message}")]);
        }
    }

    /// <summary>
    /// Writes a whole new file. It is not forced to disk file by file (a batch writes hundreds and each flush
    /// waits for the disk): consistency comes from the renames, which a killed process cannot leave half done.
    /// </summary>
    public static void WriteFile(string path, byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        stream.Write(bytes);
    }

    /// <summary><see cref="WriteFile(string, byte[])"/> for the whole of <paramref name="bytes"/>, from its start.</summary>
    public static void WriteFile(string path, Stream bytes)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        bytes.Position = 0;
        bytes.CopyTo(stream);
    }

    /// <summary>Puts the staging folder in the place of <paramref name="folder"/>, replacing what was there.</summary>
    public static void Commit(string staging, string folder)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(folder))!;
        var name = Path.GetFileName(folder);
        for (var attempt = 0; ; attempt++)
        {
            string? replaced = null;
            if (Directory.Exists(folder))
            {
                replaced = Path.Combine(root, TemporaryName(name, "replaced"));
                try
                {
                    Directory.Move(folder, replaced);
                }
                catch (DirectoryNotFoundException)
                {
                    replaced = null; // another process replaced it meanwhile; try again
                }
            }
            else if (File.Exists(folder))
            {
                throw new IOException($"a file stands where the pack's folder should go: {folder}");
            }
            try
            {
                Directory.Move(staging, folder);
            }
            catch (IOException) when (attempt < 5 && Directory.Exists(folder))
            {
                // Another process committed the same pack between our two moves: replace its folder in turn.
                if (replaced is not null)
                    Delete(replaced);
                continue;
            }
            if (replaced is not null)
                Delete(replaced);
            return;
        }
    }

    /// <summary>Deletes a staging folder that will not be committed; never throws.</summary>
    public static void Discard(string staging) => Delete(staging);

    /// <summary>
    /// Removes the hidden leftovers of interrupted runs under <paramref name="root"/> (of one pack, or of all when
    /// <paramref name="name"/> is null), except those of processes still running.
    /// </summary>
    public static int CleanUp(string root, string? name = null)
    {
        if (!Directory.Exists(root))
            return 0;
        var removed = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, ".*"))
        {
            var match = Leftover().Match(Path.GetFileName(entry));
            if (!match.Success || (name is not null && match.Groups["name"].Value != name))
                continue;
            var host = match.Groups["host"].Value;
            if (host.Length > 0 && host != Host)
            {
                if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(entry) < ForeignLeftoverAge)
                    continue;
            }
            else if (int.TryParse(match.Groups["pid"].Value, out var pid))
            {
                if (pid == Environment.ProcessId ? name is null : IsRunning(pid))
                    continue; // work in progress: this process's own, or another's that is still running
            }
            if (Delete(entry))
                removed++;
        }
        return removed;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static bool Delete(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
            else if (File.Exists(path))
                File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// <c>.NAME.HOST-PID.RANDOM.staging|replaced|tmp</c>, and the <c>.NAME.RANDOM.tmp</c> files of earlier versions.
    /// </summary>
    [GeneratedRegex(@"^\.(?<name>.+?)\.(?:(?<host>[A-Za-z0-9_]+)-(?<pid>\d+)\.)?[0-9a-f]{32}\.(?:staging|replaced|tmp)$")]
    private static partial Regex Leftover();
}
