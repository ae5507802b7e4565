using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Briefings.Packs;

/// <summary>
/// SHA-256 of files (lower-case hex), remembered while a file's size and write time stay the same, so a batch
/// that reads one record file for hundreds of packs hashes it once. Safe to share between threads.
/// </summary>
internal sealed class FileHashes
{
    private readonly ConcurrentDictionary<string, (DateTime Written, long Length, string Hash)> known = new(StringComparer.Ordinal);

    /// <exception cref="IOException">when the file cannot be read.</exception>
    public string Of(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new FileNotFoundException($"{path}: file not found", path);
        var key = info.FullName;
        if (known.TryGetValue(key, out var entry) && entry.Written == info.LastWriteTimeUtc && entry.Length == info.Length)
            return entry.Hash;
        using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        known[key] = (info.LastWriteTimeUtc, info.Length, hash);
        return hash;
    }

    /// <summary>The hash of the file, or null when it is missing or unreadable.</summary>
    public string? TryOf(string path)
    {
        try
        {
            return Of(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The SHA-256 of the whole of <paramref name="bytes"/>, from its start, in lower-case hex.</summary>
    public static string Of(Stream bytes)
    {
        bytes.Position = 0;
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
