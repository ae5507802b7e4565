using Briefings.Records;

namespace Briefings.Records.Tests;

/// <summary>
/// A small, valid records folder in a temporary directory. Tests replace or add single files to
/// break exactly one rule, then load it.
/// </summary>
public sealed class RecordFolder : IDisposable
{
    public const string China = """
        code: CHN
        name: China
        full_name: People's Republic of China
        capital: Beijing
        cities:
          - name: Beijing
            aliases: [Peking]
        """;

    public const string Belarus = """
        code: BLR
        name: Belarus
        aliases: [Beros, White Ros]
        capital: Minsk
        memberships:
          - CIS
          - {organisation: SCO, since: 2024-07-04}
        relations:
          - with: CHN
            established: 1992-01-20
            partnership:
              - level: comprehensive_strategic_partnership
                since: 2013-07-16
              - level: all_weather_comprehensive_strategic_partnership
                since: 2022-09-15
        """;

    public const string Xi = """
        id: xi-jinping
        name: Xi Jinping
        country: CHN
        roles:
          - title: President of the People's Republic of China
            from: 2013-03-14
        """;

    public const string Lukashenko = """
        id: alexander-lukashenko
        name: Alexander Lukashenko
        aliases: [Lukashenke, Luka Shenke]
        country: BLR
        roles:
          - title: President of Belarus
            from: 1994-07-20
        """;

    public const string Source = """
        id: report
        outlet: Lianhe Zaobao
        title: A report
        date: 2023-12-04
        url: https://example.org/report
        """;

    public const string Summit = """
        id: summit
        name: Example summit
        kind: summit
        date: 2023-12-01
        end_date: 2023-12-05
        place:
          city: Beijing
          country: CHN
        sources: [report]
        """;

    public const string Meeting = """
        id: 2023-12-04-xi-lukashenko
        date: 2023-12-04
        status: held
        kind: working_visit
        title: Talks in Beijing
        host: CHN
        guest: BLR
        place:
          city: Beijing
          country: CHN
          venue: Diaoyutai State Guesthouse
        event: summit
        participants:
          - person: xi-jinping
            side: host
          - person: alexander-lukashenko
            side: guest
        outcomes:
          - kind: partnership_upgrade
            text: Relations were upgraded.
            from: comprehensive_strategic_partnership
            to: all_weather_comprehensive_strategic_partnership
            sources: [report]
        statements:
          - speaker: alexander-lukashenko
            text: Never deviated from this road.
            quote: true
            sources: [report]
        analysis:
          - analyst: Li Mingjiang
            outlet: Lianhe Zaobao
            text: Not an exception.
            handling: internal
        context:
          - A plain paragraph.
          - text: A cited paragraph.
            sources: [report]
        sources: [report]
        """;

    public RecordFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "briefings-records-" + Guid.NewGuid().ToString("N"));
        Write("countries/CHN.yaml", China);
        Write("countries/BLR.yaml", Belarus);
        Write("people/xi-jinping.yaml", Xi);
        Write("people/alexander-lukashenko.yaml", Lukashenko);
        Write("sources/report.yaml", Source);
        Write("events/summit.yaml", Summit);
        Write("meetings/2023-12-04-xi-lukashenko.yaml", Meeting);
    }

    public string Root { get; }

    public string PathOf(string relative) => System.IO.Path.Join(Root, relative);

    public RecordFolder Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n");
        return this;
    }

    /// <summary>Replaces <paramref name="oldText"/> in one file; fails loudly if it is not there.</summary>
    public RecordFolder Edit(string relative, string oldText, string newText)
    {
        var path = PathOf(relative);
        var content = File.ReadAllText(path);
        Assert.Contains(oldText, content);
        File.WriteAllText(path, content.Replace(oldText, newText, StringComparison.Ordinal));
        return this;
    }

    public LoadResult Load() => RecordLoader.Load(Root);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Where the repository's own files are.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Join(Root, "data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Join(dir.FullName, "Briefings.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Briefings.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Copies the sample records to a temporary folder the test may damage.</summary>
    public static string CopyOfData()
    {
        var target = Path.Combine(Path.GetTempPath(), "briefings-data-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(Data, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Join(target, Path.GetRelativePath(Data, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
