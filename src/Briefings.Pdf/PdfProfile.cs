namespace Briefings.Pdf;

/// <summary>
/// Which standards a PDF claims to meet (combinable). Every file is tagged (structure tree, reading
/// order, artifacts) whatever the profile; the profile decides what is declared and embedded for it:
/// PDF/A-2b or -2u (archival: XMP identification, an sRGB output intent with its ICC profile) and
/// PDF/UA-1 (accessibility: the pdfuaid declaration). <see cref="Plain"/> claims nothing.
/// </summary>
[Flags]
public enum PdfProfile
{
    /// <summary>Claims no standard (the file is still tagged).</summary>
    Plain = 0,
    /// <summary>PDF/A-2b (ISO 19005-2, level B: visual appearance preserved).</summary>
    PdfA2b = 1,
    /// <summary>PDF/A-2u (level U: level B plus every glyph maps to Unicode).</summary>
    PdfA2u = 2,
    /// <summary>PDF/UA-1 (ISO 14289-1).</summary>
    PdfUA1 = 4,
    /// <summary>The default: PDF/A-2b and PDF/UA-1.</summary>
    Default = PdfA2b | PdfUA1,
}

/// <summary>Options of the PDF writer.</summary>
public sealed record PdfOptions
{
    /// <summary>The standards the file claims to meet: PDF/A-2b and PDF/UA-1 unless chosen otherwise.</summary>
    public PdfProfile Profile { get; init; } = PdfProfile.Default;

    /// <summary>The names <see cref="ParseProfile"/> accepts.</summary>
    public static IReadOnlyList<string> ProfileNames { get; } = ["plain", "pdfa-2b", "pdfa-2u", "pdfua-1"];

    /// <summary>
    /// Parses a profile list such as "pdfa-2b,pdfua-1" (comma- or plus-separated, case-insensitive;
    /// "plain" alone claims nothing). Unknown names are an error naming the choices.
    /// </summary>
    public static PdfProfile ParseProfile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var profile = PdfProfile.Plain;
        var parts = text.Split([',', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
            throw new ArgumentException($"No PDF profile given; choose from {string.Join(", ", ProfileNames)} (combine with commas).");
        foreach (var part in parts)
        {
            profile |= part.ToLowerInvariant() switch
            {
                "plain" => PdfProfile.Plain,
                "pdfa-2b" or "pdf/a-2b" or "a-2b" => PdfProfile.PdfA2b,
                "pdfa-2u" or "pdf/a-2u" or "a-2u" => PdfProfile.PdfA2u,
                "pdfua-1" or "pdf/ua-1" or "ua-1" => PdfProfile.PdfUA1,
                _ => throw new ArgumentException($"Unknown PDF profile '{part}'; choose from {string.Join(", ", ProfileNames)} (combine with commas, e.g. pdfa-2b,pdfua-1)."),
            };
        }
        if ((profile & PdfProfile.PdfA2u) != 0)
            profile &= ~PdfProfile.PdfA2b; // 2u includes 2b
        if (parts.Any(p => p.Equals("plain", StringComparison.OrdinalIgnoreCase)) && profile != PdfProfile.Plain)
            throw new ArgumentException("The PDF profile 'plain' claims no standard and cannot be combined with others.");
        return profile;
    }
}
