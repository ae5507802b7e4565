namespace Briefings.Pdf.Tests;

internal static class FixturePaths
{
    /// <summary>The subset Droid Sans Fallback copied beside the test assembly.</summary>
    public static string CjkFont => Path.Combine(AppContext.BaseDirectory, "Fixtures", "CjkFixture.ttf");

    /// <summary>The subset Noto Sans Arabic copied beside the test assembly.</summary>
    public static string ArabicFont => Path.Combine(AppContext.BaseDirectory, "Fixtures", "ArabicFixture.ttf");
}
