using System.Globalization;
using Briefings.Docx;
using Briefings.Packs;
using Briefings.Pdf;
using Briefings.Records;
using Xunit;

namespace Briefings.Integration.Tests;

/// <summary>
/// Output does not depend on the machine's culture: the whole pipeline — loading and validating records, rendering
/// briefs and profiles to Markdown, PDF and Word — gives the same bytes under the invariant culture and under German,
/// Saudi Arabic (Hijri calendar by default) and Thai (Buddhist-era calendar) cultures.
/// </summary>
public sealed class CultureTests
{
    private static readonly DateOnly Today = new(2026, 1, 15);

    /// <summary>Everything the product writes for a few packs and a broken record set, as bytes.</summary>
    private static List<(string What, byte[] Bytes)> Everything(string brokenData)
    {
        var results = new List<(string, byte[])>();
        var load = RecordLoader.Load(Path.Combine(Repository.Root, "data"));
        var renderer = new PackRenderer(load.Records, Path.Combine(Repository.Root, "templates"), Today);
        PackRequest[] requests =
        [
            new VisitPackRequest("2023-12-04-xi-lukashenko"),
            new VisitPackRequest("2023-12-04-xi-lukashenko") { AsOf = new DateOnly(2023, 3, 20) },
            new VisitPackRequest("2022-09-14-xi-tokayev") { AsOf = new DateOnly(2022, 9, 13) },
            new CountryPackRequest("RUS"),
            new CountryPackRequest("KAZ") { AsOf = new DateOnly(2024, 1, 1) },
        ];
        foreach (var request in requests)
        {
            var pack = renderer.Render(request);
            results.Add(($"{pack.Name}.md", System.Text.Encoding.UTF8.GetBytes(pack.Markdown)));
            results.Add(($"{pack.Name}.docx", SamplePacks.Write(new DocxDocumentWriter(), pack)));
            results.Add(($"{pack.Name}.pdf", SamplePacks.Write(new PdfDocumentWriter(), pack)));
        }
        var broken = RecordLoader.Load(brokenData);
        results.Add(("diagnostics", System.Text.Encoding.UTF8.GetBytes(string.Join("\n", broken.Diagnostics))));
        return results;
    }

    [Fact]
    public void Every_output_is_byte_identical_under_foreign_cultures()
    {
        // Problems whose messages carry dates and numbers: a role that does not cover a meeting, a partnership step
        // before relations were established.
        var data = Path.Combine(Path.GetTempPath(), "briefings-culture-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "data"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(data, Path.GetRelativePath(Path.Combine(Repository.Root, "data"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var assad = Path.Combine(data, "people", "bashar-al-assad.yaml");
        File.WriteAllText(assad, File.ReadAllText(assad).Replace("from: 2000-07-17", "from: 2024-07-17", StringComparison.Ordinal));
        var belarus = Path.Combine(data, "countries", "BLR.yaml");
        File.WriteAllText(belarus, File.ReadAllText(belarus).Replace("established: 1992-01-20", "established: 2014-01-20", StringComparison.Ordinal));

        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            var expected = Everything(data);
            var diagnostics = System.Text.Encoding.UTF8.GetString(expected[^1].Bytes);
            Assert.Contains("2024-07-17", diagnostics);
            Assert.Contains("2014-01-20", diagnostics);
            foreach (var name in new[] { "de-DE", "ar-SA", "th-TH" })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
                var actual = Everything(data);
                Assert.Equal(expected.Count, actual.Count);
                for (var i = 0; i < expected.Count; i++)
                {
                    Assert.Equal(expected[i].What, actual[i].What);
                    Assert.True(expected[i].Bytes.AsSpan().SequenceEqual(actual[i].Bytes),
                        $"{actual[i].What} differs under {name}" + (actual[i].What.EndsWith(".md", StringComparison.Ordinal) || actual[i].What == "diagnostics"
                            ? $":\n{System.Text.Encoding.UTF8.GetString(actual[i].Bytes)}" : ""));
                }
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            Directory.Delete(data, recursive: true);
        }
    }
}
