using Briefings.Records;

namespace Briefings.Packs.Tests;

/// <summary>
/// The sample records plus a few made-up ones: a meeting whose record text is hostile Markdown,
/// items marked internal, and an internal meeting, so audience filtering and escaping can be checked.
/// </summary>
internal sealed class PackFixtures : IDisposable
{
    public const string Hostile = "| ** # [x](http://evil) <b>";
    public const string HostileMeeting = "2024-01-10-xi-hostile";

    private readonly TempFolder folder = new();

    public PackFixtures()
    {
        Data = folder.Copy(Repository.Data, "data");
        folder.File("data/people/hostile-person.yaml", """
            id: hostile-person
            name: "| ** # [x](http://evil) <b>"
            country: BLR
            roles:
              - title: "Envoy <i>special</i> | *acting*"
                country: BLR
                from: 2020-01-01
            """);
        folder.File("data/sources/desk-2024-01-10.yaml", """
            id: desk-2024-01-10
            outlet: "Desk | *wire*"
            title: "Report [x](http://evil) <b>"
            date: 2024-01-10
            url: https://example.org/report?a=1&b=2
            """);
        folder.File("data/sources/internal-cable-2024-01-09.yaml", """
            id: internal-cable-2024-01-09
            outlet: INTERNAL-SOURCE cable
            date: 2024-01-09
            handling: internal
            """);
        folder.File("data/meetings/2023-06-01-xi-lukashenko-internal.yaml", """
            id: 2023-06-01-xi-lukashenko-internal
            date: 2023-06-01
            status: held
            kind: phone_call
            title: INTERNAL-MEETING call
            host: CHN
            guest: BLR
            place:
              country: CHN
            participants:
              - person: xi-jinping
                side: host
              - person: alexander-lukashenko
                side: guest
            sources: [desk-2024-01-10]
            handling: internal
            """);
        folder.File($"data/meetings/{HostileMeeting}.yaml", """
            id: 2024-01-10-xi-hostile
            date: 2024-01-10
            status: held
            kind: official_visit
            title: Talks with the envoy
            host: CHN
            guest: BLR
            place:
              city: Beijing
              country: CHN
              venue: "Hall | ** # [x](http://evil) <b>"
            participants:
              - person: xi-jinping
                side: host
              - person: hostile-person
                side: guest
            topics:
              - "| ** # [x](http://evil) <b>"
            outcomes:
              - kind: documents_signed
                text: PUBLIC-OUTCOME three agreements
              - kind: agreement
                text: INTERNAL-OUTCOME secret deal
                handling: internal
            statements:
              - speaker: hostile-person
                text: "| ** # [x](http://evil) <b>"
                quote: true
              - speaker: xi-jinping
                text: PUBLIC-STATEMENT friendship
              - speaker: xi-jinping
                text: INTERNAL-STATEMENT frank words
                handling: internal
            analysis:
              - outlet: Desk
                text: PUBLIC-ANALYSIS view
              - outlet: Desk
                text: INTERNAL-ANALYSIS view
                handling: internal
            context:
              - text: INTERNAL-CONTEXT note
                handling: internal
                sources: [internal-cable-2024-01-09]
              - text: PUBLIC-CONTEXT note
            sources: [desk-2024-01-10, internal-cable-2024-01-09]
            handling: public
            """);
        var loaded = RecordLoader.Load(Data);
        if (loaded.HasErrors)
            throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
        Records = loaded.Records;
    }

    public string Data { get; }
    public RecordSet Records { get; }
    public string Root => folder.Path;

    public void Dispose() => folder.Dispose();
}
