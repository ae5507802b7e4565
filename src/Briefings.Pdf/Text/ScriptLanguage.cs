namespace Briefings.Pdf.Text;

/// <summary>
/// The language of a word written in a script the document's language does not use: Arabic, Hebrew, Greek,
/// Thai, Devanagari, Hangul (Korean), kana (Japanese) and Han (Chinese, or Japanese in a line with kana).
/// Tagged PDF marks such words with their language (/Lang) so a screen reader reads them in the right voice.
/// Scripts shared by many languages (Latin, Cyrillic) give no language: the text keeps the document's.
/// </summary>
internal static class ScriptLanguage
{
    /// <summary>The language the first letter of text is written in, when its script tells; null otherwise.</summary>
    public static string? Of(string text, bool kanaNearby = false)
    {
        for (int i = 0; i < text.Length; i++)
        {
            int c = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                c = char.ConvertToUtf32(text[i], text[i + 1]);
            if (!IsLetter(c))
                continue;
            return c switch
            {
                >= 0x0600 and <= 0x06FF or >= 0x0750 and <= 0x077F or >= 0x08A0 and <= 0x08FF or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF => "ar",
                >= 0x0590 and <= 0x05FF or >= 0xFB1D and <= 0xFB4F => "he",
                >= 0x0370 and <= 0x03FF or >= 0x1F00 and <= 0x1FFF => "el",
                >= 0x0E00 and <= 0x0E7F => "th",
                >= 0x0900 and <= 0x097F => "hi",
                >= 0xAC00 and <= 0xD7AF or >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F => "ko",
                >= 0x3040 and <= 0x30FF or >= 0x31F0 and <= 0x31FF => "ja",
                >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3FFFF => kanaNearby ? "ja" : Chinese,
                _ => null,
            };
        }
        return null;
    }

    /// <summary>Whether text has kana (Japanese): Han characters beside it are then Japanese.</summary>
    public static bool HasKana(string text)
    {
        foreach (char c in text)
            if (c is >= '\u3040' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF')
                return true;
        return false;
    }

    /// <summary>
    /// The language to mark a word with in a document of documentLanguage (BCP 47): the script's language
    /// unless the document is already in it (a Chinese name in a Chinese document needs no mark).
    /// </summary>
    public static string? Marking(string text, string? documentLanguage, bool kanaNearby = false) =>
        Unless(Of(text, kanaNearby), documentLanguage);

    /// <summary>language, unless it is the primary language of documentLanguage (BCP 47: "zh" for "zh-CN").</summary>
    public static string? Unless(string? language, string? documentLanguage)
    {
        if (language is null)
            return null;
        var primary = (documentLanguage ?? "").AsSpan();
        int end = primary.IndexOfAny('-', '_');
        if (end >= 0)
            primary = primary[..end];
        return primary.Equals(language, StringComparison.OrdinalIgnoreCase) ? null : language;
    }

    /// <summary>What <see cref="Of"/> gives Han text when no kana is near.</summary>
    public const string Chinese = "zh";

    private static bool IsLetter(int c) =>
        c < 0x10000 ? char.IsLetter((char)c) : System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter;
}
