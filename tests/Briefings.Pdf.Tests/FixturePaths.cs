namespace Briefings.Pdf.Tests;

internal static class FixturePaths
{
    /// <summary>The subset Droid Sans Fallback copied beside the test assembly.</summary>
    public static string CjkFont => Path.Combine(AppContext.BaseDirectory, "Fixtures", "CjkFixture.ttf");
}
