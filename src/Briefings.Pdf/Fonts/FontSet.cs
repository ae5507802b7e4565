using System.Collections.Concurrent;
using Briefings.Documents;
using SkiaSharp;

namespace Briefings.Pdf.Fonts;

/// <summary>
/// The fonts one theme asks for: body, heading and mono families plus the fallback chain, resolved once
/// and shared by every document rendered with the same font settings (so the shaping cache stays warm).
/// </summary>
internal sealed class FontSet
{
    private static readonly ConcurrentDictionary<string, FontSet> Sets = new();
    private static readonly ConcurrentDictionary<string, FontFamily?> Families = new(StringComparer.OrdinalIgnoreCase);

    private readonly TextShaper shaper;

    private readonly IReadOnlyList<string> fallbackEntries;

    private FontSet(FontFamily body, FontFamily heading, FontFamily mono, IReadOnlyList<string> fallbackEntries)
    {
        Body = body;
        Heading = heading;
        Mono = mono;
        this.fallbackEntries = fallbackEntries;
        shaper = new TextShaper(LoadedFallbacks());
    }

    public FontFamily Body { get; }
    public FontFamily Heading { get; }
    public FontFamily Mono { get; }

    /// <summary>
    /// The fallback families that can be found, in the theme's order. Each is looked up and loaded only when a
    /// character the faces before it lack asks for it: a CJK family is tens of MB that most documents never need.
    /// </summary>
    public IEnumerable<FontFamily> LoadedFallbacks()
    {
        foreach (var entry in fallbackEntries)
        {
            if (Resolve(entry) is { } family)
                yield return family;
        }
    }

    /// <summary>The fallback entries as configured, with a note on those that could not be found (for error messages).</summary>
    public IReadOnlyList<string> FallbackDescription =>
        fallbackEntries.Select(entry => Resolve(entry) is null ? $"{entry} (not found)" : entry).ToList();

    public static FontSet For(FontTheme fonts)
    {
        var key = string.Join('\n', [fonts.Body, fonts.Heading, fonts.Mono, .. fonts.Fallback]);
        return Sets.GetOrAdd(key, _ => Create(fonts));
    }

    private static FontSet Create(FontTheme fonts)
    {
        var problems = new List<string>();
        FontFamily Require(string name, string role)
        {
            var family = Resolve(name);
            if (family is null)
                problems.Add($"the theme's {role} font '{name}' is neither bundled (Noto Serif, Noto Sans, Noto Sans Mono, Noto Naskh Arabic) nor installed");
            return family!;
        }

        var body = Require(fonts.Body, "body");
        var heading = Require(fonts.Heading, "heading");
        var mono = Require(fonts.Mono, "mono");
        if (problems.Count > 0)
            throw new DocumentWriteException(DocumentCodes.PdfFont, "Cannot load fonts: " + string.Join("; ", problems) + ".");

        // The bundled Arabic face always closes the chain: Arabic names are everyday content, and must render
        // the same on a machine without system Arabic fonts, whatever fallbacks a theme lists.
        return new FontSet(body, heading, mono, [.. fonts.Fallback.Append(BundledArabic).Distinct(StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>The shaped form of a piece of text in a style, with fallback fonts for characters the primary face lacks.</summary>
    public ShapedText Shape(FontFamily family, bool bold, bool italic, string text) =>
        shaper.Shape(family.Face(bold, italic), bold, italic, text);

    /// <summary>As <see cref="Shape(FontFamily, bool, bool, string)"/> for a piece of a longer text (no string is made for a word shaped before).</summary>
    public ShapedText Shape(FontFamily family, bool bold, bool italic, ReadOnlySpan<char> text) =>
        shaper.Shape(family.Face(bold, italic), bold, italic, text);

    /// <summary>The names of every font tried for a style, for "no font can draw" messages.</summary>
    public string DescribeChain(FontFamily family, bool bold, bool italic)
    {
        var tried = new List<string> { family.Face(bold, italic).Name };
        tried.AddRange(FallbackDescription);
        return string.Join(", ", tried);
    }

    /// <summary>A bundled family, an installed family (via Skia's font manager) or a font file path.</summary>
    private static FontFamily? Resolve(string nameOrPath) => Families.GetOrAdd(nameOrPath, LoadFamily);

    private static FontFamily? LoadFamily(string nameOrPath)
    {
        var bundled = BundledFamily(nameOrPath);
        if (bundled is not null)
            return bundled;

        if (File.Exists(nameOrPath))
        {
            // A font file given by path: its first face (a collection's other faces are reached by family name).
            var data = File.ReadAllBytes(nameOrPath);
            var face = new FontFace(Path.GetFileNameWithoutExtension(nameOrPath), data);
            return new FontFamily(face.Name, face, face, face, face);
        }

        var manager = SKFontManager.Default;
        FontFace? Match(SKFontStyle style, string suffix)
        {
            using var typeface = manager.MatchFamily(nameOrPath, style);
            if (typeface is null || !string.Equals(typeface.FamilyName, nameOrPath, StringComparison.OrdinalIgnoreCase))
                return null;
            // A family without a true bold or italic answers with its regular face: reuse that one
            // rather than embedding the same font twice.
            bool wantsBold = style.Weight >= (int)SKFontStyleWeight.SemiBold;
            bool wantsItalic = style.Slant != SKFontStyleSlant.Upright;
            if (suffix.Length > 0 && (wantsBold != (typeface.FontWeight >= (int)SKFontStyleWeight.SemiBold)
                                      || wantsItalic != (typeface.FontSlant != SKFontStyleSlant.Upright)))
                return null;
            // In a collection (Noto Sans CJK .ttc holds the JP, KR, SC, TC and HK faces) the face is the one
            // the font manager matched by family name, not the file's first.
            using var stream = typeface.OpenStream(out int faceIndex);
            if (stream is null)
                return null;
            var bytes = new byte[stream.Length];
            stream.Read(bytes, bytes.Length);
            return new FontFace(nameOrPath + suffix, bytes, FaceFor(bytes, faceIndex, nameOrPath));
        }

        var regular = Match(SKFontStyle.Normal, "");
        if (regular is null)
            return null;
        return new FontFamily(nameOrPath, regular,
            Match(SKFontStyle.Bold, " Bold") ?? regular,
            Match(SKFontStyle.Italic, " Italic") ?? regular,
            Match(SKFontStyle.BoldItalic, " Bold Italic") ?? regular);
    }

    /// <summary>
    /// The face of a font file whose family name is family: the index the font manager gave when that face
    /// says so, otherwise the first face of a collection that does (0 when none does).
    /// </summary>
    internal static int FaceFor(byte[] data, int suggested, string family)
    {
        int count = FontInfo.FaceCount(data);
        if (count <= 1)
            return 0;
        var pinned = System.Runtime.InteropServices.GCHandle.Alloc(data, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            using var blob = new HarfBuzzSharp.Blob(pinned.AddrOfPinnedObject(), data.Length, HarfBuzzSharp.MemoryMode.ReadOnly);
            bool Matches(int index)
            {
                using var face = new HarfBuzzSharp.Face(blob, index);
                return FontInfo.Read(face).FamilyNames.Contains(family, StringComparer.OrdinalIgnoreCase);
            }
            if (suggested >= 0 && suggested < count && Matches(suggested))
                return suggested;
            for (int i = 0; i < count; i++)
                if (Matches(i))
                    return i;
        }
        finally
        {
            pinned.Free();
        }
        return Math.Clamp(suggested, 0, count - 1);
    }

    /// <summary>The bundled font for Arabic script (regular and bold), last in every fallback chain.</summary>
    public const string BundledArabic = "Noto Naskh Arabic";

    private static FontFamily? BundledFamily(string name)
    {
        string? file = name.ToLowerInvariant() switch
        {
            "noto sans" => "NotoSans",
            "noto serif" => "NotoSerif",
            "noto sans mono" => "NotoSansMono",
            "noto naskh arabic" => "NotoNaskhArabic",
            _ => null,
        };
        if (file is null)
            return null;
        if (file == "NotoNaskhArabic")
        {
            // Arabic script has no italic: the upright faces serve italic text too.
            var regular = LoadBundled(BundledArabic, "NotoNaskhArabic-Regular");
            var bold = new Lazy<FontFace>(() => LoadBundled(BundledArabic + " Bold", "NotoNaskhArabic-Bold"));
            return new FontFamily(BundledArabic, regular, () => bold.Value, () => regular, () => bold.Value);
        }
        if (file == "NotoSansMono")
        {
            // Only the regular mono face is bundled: code is short and rarely emphasised.
            var mono = LoadBundled("Noto Sans Mono", "NotoSansMono-Regular");
            return new FontFamily("Noto Sans Mono", mono, mono, mono, mono);
        }
        var display = file == "NotoSans" ? "Noto Sans" : "Noto Serif";
        // The styles other than regular are loaded when text first asks for them.
        return new FontFamily(display,
            LoadBundled(display, file + "-Regular"),
            () => LoadBundled(display + " Bold", file + "-Bold"),
            () => LoadBundled(display + " Italic", file + "-Italic"),
            () => LoadBundled(display + " Bold Italic", file + "-BoldItalic"));
    }

    private static FontFace LoadBundled(string name, string file) => new(name, BundledFonts.Read(file));
}
