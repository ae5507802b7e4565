using System.Collections.Concurrent;
using System.Reflection;

namespace Briefings.Pdf.Text.Hyphenation;

/// <summary>
/// Frank Liang's hyphenation algorithm (as in TeX) over the British or American English patterns shipped
/// beside this file (hyph_en_GB.dic, hyph_en_US.dic, see LICENCE.txt). Points returns where a word may be broken with a hyphen,
/// leaving at least LEFTHYPHENMIN letters before and RIGHTHYPHENMIN after.
/// </summary>
internal sealed class Hyphenator
{
    private static readonly Lazy<Hyphenator> BritishEnglish = new(() => Load("Briefings.Pdf.Text.Hyphenation.hyph_en_GB.dic"));
    private static readonly Lazy<Hyphenator> AmericanEnglish = new(() => Load("Briefings.Pdf.Text.Hyphenation.hyph_en_US.dic"));

    public static Hyphenator EnGb => BritishEnglish.Value;
    public static Hyphenator EnUs => AmericanEnglish.Value;

    /// <summary>
    /// The patterns for a document language (BCP 47): American English for en-US, British English for any
    /// other English (en, en-GB: the house default), none for other languages (their words are then only
    /// broken where they must be, between characters, rather than by English rules).
    /// </summary>
    public static Hyphenator? For(string? language)
    {
        var tag = (language ?? "").Trim().Replace('_', '-');
        if (tag.Equals("en-US", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en-US-", StringComparison.OrdinalIgnoreCase))
            return EnUs;
        if (tag.Length == 0 || tag.Equals("en", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en-", StringComparison.OrdinalIgnoreCase))
            return EnGb;
        return null;
    }

    private readonly Dictionary<string, byte[]> patterns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]> cache = new(StringComparer.Ordinal);
    /// <summary>Words whose points are kept; past this the cache starts over (a long batch meets many words once).</summary>
    private const int MaxCachedWords = 50_000;
    private int maxPattern;

    public int LeftMin { get; private set; } = 2;
    public int RightMin { get; private set; } = 3;

    private static Hyphenator Load(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"hyphenation patterns {resource} are not embedded");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads patterns in the hyphen library's .dic format (a charset line, settings, one pattern a line).</summary>
    /// <remarks>
    /// Read line by line in place: a pattern costs its key and its values and nothing else (about 9,000 of them are
    /// read at the start of every command that writes a PDF).
    /// </remarks>
    public static Hyphenator Parse(string text)
    {
        var hyphenator = new Hyphenator();
        Span<char> letterBuffer = stackalloc char[64];
        Span<byte> valueBuffer = stackalloc byte[65];
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.SequenceEqual("UTF-8") || line[0] == '%' || line[0] == '#')
                continue;
            if (line.StartsWith("LEFTHYPHENMIN ", StringComparison.Ordinal))
            {
                hyphenator.LeftMin = int.Parse(line[14..], System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }
            if (line.StartsWith("RIGHTHYPHENMIN ", StringComparison.Ordinal))
            {
                hyphenator.RightMin = int.Parse(line[15..], System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }
            if (char.IsAsciiLetterUpper(line[0]))
                continue; // other settings
            // Patterns are a few letters long; a longer line is read all the same, into buffers of its own.
            var letters = line.Length <= letterBuffer.Length ? letterBuffer : new char[line.Length];
            var values = line.Length < valueBuffer.Length ? valueBuffer : new byte[line.Length + 1];
            int count = 0;
            values[0] = 0;
            foreach (char c in line)
            {
                if (char.IsAsciiDigit(c))
                    values[count] = (byte)(c - '0');
                else
                {
                    letters[count++] = c;
                    values[count] = 0;
                }
            }
            var key = new string(letters[..count]);
            hyphenator.patterns[key] = values[..(count + 1)].ToArray();
            hyphenator.maxPattern = Math.Max(hyphenator.maxPattern, count);
        }
        return hyphenator;
    }

    /// <summary>
    /// The positions (number of characters before the break) where the word may take a hyphen. Only words
    /// of Latin letters are hyphenated; anything else (numbers, codes, URLs) has no points.
    /// </summary>
    public int[] Points(string word)
    {
        if (word.Length < LeftMin + RightMin)
            return [];
        foreach (char c in word)
            if (!(char.IsLetter(c) && c <= '\u024F') && c != '\'' && c != '’')
                return [];
        if (cache.TryGetValue(word, out var known))
            return known;
        if (cache.Count >= MaxCachedWords)
            cache.Clear();
        return cache.GetOrAdd(word, Compute);
    }

    private int[] Compute(string word)
    {
        string text = "." + word.ToLowerInvariant().Replace('’', '\'') + ".";
        var values = new byte[text.Length + 1];
        for (int start = 0; start < text.Length; start++)
            for (int length = 1; length <= Math.Min(maxPattern, text.Length - start); length++)
                if (patterns.TryGetValue(text.Substring(start, length), out var pattern))
                    for (int k = 0; k < pattern.Length; k++)
                        values[start + k] = Math.Max(values[start + k], pattern[k]);
        var points = new List<int>();
        // values[i] sits between text[i-1] and text[i]; text[0] is the leading dot, so word position i-1.
        for (int i = LeftMin + 1; i <= word.Length - RightMin + 1; i++)
            if (values[i] % 2 == 1)
                points.Add(i - 1);
        return [.. points];
    }
}
