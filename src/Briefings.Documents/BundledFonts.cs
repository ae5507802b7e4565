namespace Briefings.Documents;

/// <summary>
/// The fonts shipped with Briefings (Noto, SIL Open Font License, see Fonts/OFL.txt), so every writer can
/// embed the same faces: Noto Serif and Noto Sans in four faces, Noto Sans Mono regular, Noto Naskh Arabic
/// regular and bold.
/// </summary>
public static class BundledFonts
{
    /// <summary>The file (without extension) of a bundled face, or null when the family is not bundled.</summary>
    public static string? File(string family, bool bold, bool italic)
    {
        var stem = family.Trim().ToLowerInvariant() switch
        {
            "noto sans" => "NotoSans",
            "noto serif" => "NotoSerif",
            "noto sans mono" => "NotoSansMono",
            "noto naskh arabic" => "NotoNaskhArabic",
            _ => null,
        };
        return stem switch
        {
            null => null,
            "NotoSansMono" => "NotoSansMono-Regular",
            "NotoNaskhArabic" => bold ? "NotoNaskhArabic-Bold" : "NotoNaskhArabic-Regular",
            _ => stem + (bold, italic) switch
            {
                (true, true) => "-BoldItalic",
                (true, false) => "-Bold",
                (false, true) => "-Italic",
                _ => "-Regular",
            },
        };
    }

    /// <summary>
    /// The bytes of a bundled font file, e.g. "NotoSerif-Bold". Read once per process and shared by every caller
    /// (both writers read the same faces, often at the same time): the array must not be modified. It is pinned and
    /// kept for the life of the process, so native code may read it in place (<see cref="NativeAddress"/>).
    /// </summary>
    public static byte[] Read(string file) => Files.GetOrAdd(file, ReadResource);

    /// <summary>
    /// Where native code that keeps reading font data (a HarfBuzz face, for its life) finds <paramref name="data"/>:
    /// an array <see cref="Read"/> returned where it is (it never moves and is never freed; nothing to release);
    /// other data in an unmanaged copy of its own, which the garbage collector cannot move (a managed buffer gave
    /// widths that changed from run to run), freed by <c>Release</c>.
    /// </summary>
    public static (IntPtr Address, Action? Release) NativeAddress(byte[] data)
    {
        if (IsBundled(data))
            return (System.Runtime.InteropServices.Marshal.UnsafeAddrOfPinnedArrayElement(data, 0), null);
        var memory = System.Runtime.InteropServices.Marshal.AllocHGlobal(data.Length);
        System.Runtime.InteropServices.Marshal.Copy(data, 0, memory, data.Length);
        return (memory, () => System.Runtime.InteropServices.Marshal.FreeHGlobal(memory));
    }

    /// <summary>Whether <paramref name="data"/> is an array <see cref="Read"/> returned.</summary>
    private static bool IsBundled(byte[] data)
    {
        foreach (var pair in Files)
            if (ReferenceEquals(pair.Value, data))
                return true;
        return false;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Files = new(StringComparer.Ordinal);

    private static byte[] ReadResource(string file)
    {
        var resource = $"Briefings.Documents.Fonts.{file}.ttf";
        using var stream = typeof(BundledFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The bundled font {resource} is missing from the assembly.");
        // One copy into an array of the exact size (a MemoryStream grown by CopyTo would copy each face
        // several times over and leave the larger buffers as garbage), pinned so HarfBuzz can read it in place.
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)stream.Length), pinned: true);
        stream.ReadExactly(bytes);
        return bytes;
    }
}
