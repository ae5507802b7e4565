namespace Briefings.Pdf.Tests;

internal static class FixturePaths
{
    /// <summary>The subset Droid Sans Fallback copied beside the test assembly.</summary>
    public static string CjkFont => Path.Combine(AppContext.BaseDirectory, "Fixtures", "CjkFixture.ttf");

    /// <summary>The subset Noto Sans CJK SC (CFF outlines, CID-keyed) copied beside the test assembly.</summary>
    public static string CjkCffFont => Path.Combine(AppContext.BaseDirectory, "Fixtures", "CjkCffFixture.otf");

    /// <summary>A two-face collection: Noto Sans CJK JP (face 0) and SC (face 1) subsets.</summary>
    public static string CjkCollection => Path.Combine(AppContext.BaseDirectory, "Fixtures", "CjkCollectionFixture.ttc");

    /// <summary>The subset Noto Sans Arabic copied beside the test assembly.</summary>
    public static string ArabicFont => Path.Combine(AppContext.BaseDirectory, "Fixtures", "ArabicFixture.ttf");
}
