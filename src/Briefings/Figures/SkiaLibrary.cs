using System.Runtime.InteropServices;
using SkiaSharp;

namespace Briefings.Figures;

/// <summary>
/// Which build of SkiaSharp's native library a program loads on Linux. The default is the dependency-free build
/// (SkiaSharp.NativeAssets.Linux.NoDependencies), which runs where fontconfig is absent; but its font manager,
/// created the first time Skia is asked for any typeface (ScottPlot asks at its first chart), opens every file under
/// /usr/share/fonts with FreeType to learn its names: about 0.13 s with 240 installed fonts, paid by every process
/// that draws a chart. The fontconfig build reads the font list fontconfig keeps cached. Both draw the same figures:
/// every face a figure uses comes from the bundled fonts, never from the font manager's list.
/// </summary>
public static class SkiaLibrary
{
    /// <summary>
    /// The folder, beside the program, that holds the fontconfig build: &lt;platform&gt;/libSkiaSharp.so, taken from the
    /// SkiaSharp.NativeAssets.Linux package of the same version (the briefings command ships it; see its project file).
    /// </summary>
    public const string FontconfigFolder = "skia-fontconfig";

    private const string LibraryName = "libSkiaSharp";

    /// <summary>
    /// Has SkiaSharp load its fontconfig build where this is Linux on a platform it is shipped for and the system's
    /// fontconfig library (libfontconfig.so.1) loads; otherwise, and if anything fails, it loads the default build as
    /// before. Call once, at the start of a program, before anything draws; a program that has set a resolver of its
    /// own for SkiaSharp keeps it. Returns whether the choice was registered (not whether it will be taken).
    /// </summary>
    public static bool PreferFontconfig()
    {
        var folder = FontconfigPlatform();
        if (folder is null)
            return false;
        var path = Path.Combine(AppContext.BaseDirectory, FontconfigFolder, folder, LibraryName + ".so");
        if (!File.Exists(path))
            return false;
        // Loaded (or not) once, when SkiaSharp first calls into its library; Zero lets the runtime load the default
        // build from its usual places.
        var build = new Lazy<IntPtr>(() =>
            NativeLibrary.TryLoad("libfontconfig.so.1", out _) && NativeLibrary.TryLoad(path, out var handle) ? handle : IntPtr.Zero);
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(SKObject).Assembly, (name, _, _) => name == LibraryName ? build.Value : IntPtr.Zero);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;   // a resolver is already set for SkiaSharp, by the program itself
        }
    }

    /// <summary>The platform folder for this process (glibc Linux on x64 or Arm64 only: the builds need glibc).</summary>
    internal static string? FontconfigPlatform() =>
        OperatingSystem.IsLinux() && RuntimeInformation.RuntimeIdentifier is "linux-x64" or "linux-arm64"
            ? RuntimeInformation.RuntimeIdentifier
            : null;
}
