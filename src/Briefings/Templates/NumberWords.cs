using System.Globalization;
using Humanizer;

namespace Briefings.Templates;

/// <summary>
/// Small numbers in English words ("three") and ordinal words ("second"), as Humanizer gives them for English.
/// The numbers prose uses are small, so their words are known in advance (a test checks each against Humanizer);
/// any other number goes to Humanizer. Humanizer finds its English converter through a registry of every
/// language it speaks, built on first use — about as long as a single command's whole template run.
/// </summary>
internal static class NumberWords
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The words of 0 to 19.</summary>
    internal static readonly string[] Cardinals =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    /// <summary>The ordinal words of 1 to 20 (index 0 is unused).</summary>
    internal static readonly string[] Ordinals =
    [
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
        "nineteenth", "twentieth",
    ];

    /// <summary>"three"; numbers outside the table as Humanizer spells them.</summary>
    public static string Words(int number) =>
        number >= 0 && number < Cardinals.Length ? Cardinals[number] : number.ToWords(English);

    /// <summary>"second"; numbers outside the table as Humanizer spells them.</summary>
    public static string Ordinal(int number) =>
        number >= 1 && number < Ordinals.Length ? Ordinals[number] : number.ToOrdinalWords(English);

    /// <summary>What Humanizer itself gives, bypassing the table (for the test that keeps the table honest).</summary>
    internal static string WordsFromHumanizer(int number) => number.ToWords(English);

    /// <summary>What Humanizer itself gives, bypassing the table (for the test that keeps the table honest).</summary>
    internal static string OrdinalFromHumanizer(int number) => number.ToOrdinalWords(English);
}
