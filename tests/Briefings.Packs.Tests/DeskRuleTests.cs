using Xunit;
using Briefings.Documents;
using Briefings.Packs;
using Briefings.Records;

namespace Briefings.Packs.Tests;

/// <summary>
/// The rules a brief a desk officer would sign must follow (as-of, empty sections, names, stale roles, prose),
/// each pinned on a small record set written here rather than on the samples in data/.
/// </summary>
public sealed class DeskRuleTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 1, 15);
    private readonly TempFolder folder = new();
    private readonly RecordSet records;

    public DeskRuleTests()
    {
        foreach (var sub in new[] { "countries", "people", "meetings", "events", "sources" })
            Directory.CreateDirectory(Path.Combine(folder.Path, "data", sub));
        folder.File("data/countries/CHN.yaml", "code: CHN\nname: China\ncapital: Beijing\n");
        folder.File("data/countries/KHM.yaml", "code: KHM\nname: Cambodia\ncities:\n  - name: Phnom Penh\n");
        folder.File("data/countries/USA.yaml", """
            code: USA
            name: United States
            full_name: United States of America
            aliases: [America]
            match_only: [Meiguo, Amerika]
            relations:
              - with: CHN
                established: 1979-01-01
                partnership:
                  - level: strategic_partnership
                    since: 2020-01-01
                    sources: [wire-2020-03-01]
            """);
        folder.File("data/countries/ZZL.yaml", "code: ZZL\nname: Zeeland\n");
        folder.File("data/people/xi.yaml", """
            id: xi
            name: Xi Jinping
            country: CHN
            roles:
              - title: President of China
                from: 2013-03-14
            """);
        folder.File("data/people/biden.yaml", """
            id: biden
            name: Joe Biden
            country: USA
            roles:
              - title: President of the United States
                from: 2021-01-20
            """);
        folder.File("data/people/envoy.yaml", """
            id: envoy
            name: Nick Envoy
            country: USA
            roles:
              - title: Ambassador of the United States to China
            """);
        folder.File("data/people/zee.yaml", """
            id: zee
            name: Zed Zee
            country: ZZL
            roles:
              - title: President of Zeeland
                from: 2010-01-01
                to: 2020-01-01
            """);
        folder.File("data/sources/wire-2020-03-01.yaml", "id: wire-2020-03-01\noutlet: Wire\ndate: 2020-03-01\n");
        folder.File("data/sources/wire-2022-11-15.yaml", "id: wire-2022-11-15\noutlet: Wire\ndate: 2022-11-15\n");
        folder.File("data/sources/pre-2023-11-10.yaml", "id: pre-2023-11-10\noutlet: Preview\ndate: 2023-11-10\n");
        folder.File("data/sources/post-2023-11-17.yaml", "id: post-2023-11-17\noutlet: Review\ndate: 2023-11-17\n");
        folder.File("data/meetings/2022-11-14-phnom-penh.yaml", """
            id: 2022-11-14-phnom-penh
            date: 2022-11-14
            status: held
            kind: sidelines
            title: Xi meets Biden in Phnom Penh
            host: CHN
            guest: USA
            place:
              city: Phnom Penh
              country: KHM
            participants:
              - {person: xi, side: host}
              - {person: biden, side: guest}
              - {person: envoy, side: guest}
            statements:
              - {speaker: xi, text: PRIOR-HOME-LINE., sources: [wire-2022-11-15]}
              - {speaker: biden, text: PRIOR-ASK-ONE., sources: [wire-2022-11-15]}
              - {speaker: biden, text: PRIOR-ASK-TWO., sources: [wire-2022-11-15]}
            outcomes:
              - {kind: agreement, text: PRIOR-COMMITMENT to talk again., sources: [wire-2022-11-15]}
              - {kind: announcement, text: PRIOR-ANNOUNCEMENT of a channel., sources: [wire-2022-11-15]}
            sources: [wire-2022-11-15]
            """);
        folder.File("data/meetings/2023-11-15-beijing.yaml", """
            id: 2023-11-15-beijing
            date: 2023-11-15
            status: held
            kind: official_visit
            title: Biden visits Beijing
            host: CHN
            guest: USA
            place:
              city: Beijing
              country: CHN
            participants:
              - {person: xi, side: host}
              - {person: biden, side: guest}
            topics: [trade, climate]
            statements:
              - {speaker: xi, text: M2-HOME-STATEMENT., sources: [post-2023-11-17]}
            outcomes:
              - {kind: agreement, text: M2-OUTCOME., sources: [post-2023-11-17]}
            analysis:
              - {analyst: Ann Analyst, outlet: Preview, text: PRE-ANALYSIS-ONE., sources: [pre-2023-11-10]}
              - {analyst: Ann Analyst, outlet: Preview, text: PRE-ANALYSIS-TWO., sources: [pre-2023-11-10]}
              - {outlet: Review, text: POST-ANALYSIS., sources: [post-2023-11-17]}
              - {outlet: Review, text: UNDATED-ANALYSIS.}
            context:
              - {text: POST-CONTEXT., sources: [post-2023-11-17]}
            sources: [pre-2023-11-10, post-2023-11-17]
            """);
        folder.File("data/meetings/2024-05-01-washington.yaml", """
            id: 2024-05-01-washington
            date: 2024-05-01
            status: planned
            kind: state_visit
            title: Xi to visit Washington
            host: USA
            guest: CHN
            place:
              country: USA
            participants:
              - {person: xi, side: guest}
            sources: [pre-2023-11-10]
            """);
        folder.File("data/meetings/2023-01-10-zeeland.yaml", """
            id: 2023-01-10-zeeland
            date: 2023-01-10
            status: held
            kind: bilateral_meeting
            title: Bare meeting
            host: CHN
            guest: ZZL
            place:
              country: CHN
            participants:
              - {person: xi, side: host}
            sources: [wire-2022-11-15]
            """);
        var loaded = RecordLoader.Load(Path.Combine(folder.Path, "data"));
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        records = loaded.Records;
    }

    public void Dispose() => folder.Dispose();

    private RenderedPack Render(PackRequest request) => new PackRenderer(records, Repository.Templates, Today).Render(request);

    private static string CellText(TableCell cell) => cell.Content.ToPlainText();

    private static string Text(Document document) => string.Join("\n", document.Blocks.Descendants().OfType<Paragraph>().Select(p => p.Content.ToPlainText()))
        + "\n" + string.Join("\n", document.Blocks.Descendants().OfType<Quote>().Select(q => q.Attribution?.ToPlainText() ?? ""))
        + "\n" + string.Join("\n", document.Blocks.Descendants().OfType<DefinitionList>().SelectMany(d => d.Items)
            .SelectMany(i => i.Definition.OfType<Paragraph>().Select(p => i.Term.ToPlainText() + ": " + p.Content.ToPlainText())));

    private static string Status(RenderedPack pack) => pack.Document.Metadata.CoverFields.Single(f => f.Key == "Status").Value;

    [Fact]
    public void A_held_meetings_brief_defaults_to_everything_known_now()
    {
        var pack = Render(new VisitPackRequest("2023-11-15-beijing"));
        var text = Text(pack.Document);
        Assert.Equal(Today, pack.AsOf);
        Assert.Equal("visit-2023-11-15-beijing", pack.Name);
        Assert.Equal("Held", Status(pack));
        foreach (var item in new[] { "M2-HOME-STATEMENT", "M2-OUTCOME", "PRE-ANALYSIS-ONE", "POST-ANALYSIS", "UNDATED-ANALYSIS", "POST-CONTEXT" })
            Assert.Contains(item, text);
    }

    [Fact]
    public void The_day_before_gives_the_pre_trip_brief_with_analysis_published_by_then()
    {
        var pack = Render(new VisitPackRequest("2023-11-15-beijing") { AsOf = new DateOnly(2023, 11, 14) });
        var text = Text(pack.Document);
        Assert.Equal("Upcoming", Status(pack));
        Assert.Contains("PRE-ANALYSIS-ONE", text);
        Assert.Contains("PRE-ANALYSIS-TWO", text);
        // Published after the as-of date, or undated (known from the meeting's date): not yet known.
        foreach (var item in new[] { "POST-ANALYSIS", "UNDATED-ANALYSIS", "POST-CONTEXT", "M2-OUTCOME", "M2-HOME-STATEMENT" })
            Assert.DoesNotContain(item, text);
        Assert.DoesNotContain(pack.Document.Headings(), h => h.Id is "outcomes");
    }

    [Fact]
    public void Points_to_make_come_from_recorded_lines_and_open_commitments_not_bare_topics()
    {
        var pack = Render(new VisitPackRequest("2023-11-15-beijing") { AsOf = new DateOnly(2023, 11, 14) });
        var points = Assert.Single(pack.Document.Blocks.Descendants().OfType<Callout>(), c => c.Kind == "points");
        // The section heading already says "Points to make": the box does not say it again.
        Assert.True(string.IsNullOrEmpty(points.Title), points.Title);
        var lines = points.Blocks.Descendants().OfType<Paragraph>().Select(p => p.Content.ToPlainText()).ToList();
        Assert.Contains(lines, l => l.StartsWith("PRIOR-HOME-LINE."));
        Assert.Contains(lines, l => l.Contains("PRIOR-COMMITMENT to talk again."));
        // Before the meeting, roles are today's: no "at the time".
        Assert.DoesNotContain("At the time of the meeting", Text(pack.Document));
        // The partner's recorded asks are points to answer, under their speaker, once.
        Assert.Contains(lines, l => l.StartsWith("What Joe Biden raised at the", StringComparison.Ordinal) && l.EndsWith("to answer:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PRIOR-ASK-ONE.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PRIOR-ASK-TWO.", StringComparison.Ordinal));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Text(pack.Document), "PRIOR-ASK-ONE"));
        // Every point cites its source.
        Assert.All(points.Blocks.Descendants().OfType<ListBlock>().SelectMany(l => l.Items),
            item => Assert.Contains(item.Blocks.OfType<Paragraph>().SelectMany(p => p.Content), i => i is FootnoteReference));
        // Topics with nothing recorded on them are not dressed up as points.
        Assert.DoesNotContain(lines, l => l is "Trade" or "Climate" or "trade" or "climate");
        Assert.DoesNotContain(lines, l => l.StartsWith("Follow up on", StringComparison.Ordinal));
    }

    [Fact]
    public void One_as_of_rule_for_partnership_steps_they_count_from_their_source()
    {
        Assert.DoesNotContain("Strategic partnership", Text(Render(new CountryPackRequest("USA") { AsOf = new DateOnly(2020, 2, 1) }).Document));
        Assert.Contains("Strategic partnership", Text(Render(new CountryPackRequest("USA") { AsOf = new DateOnly(2020, 3, 1) }).Document));
    }

    [Fact]
    public void Empty_sections_are_left_out_of_the_pack_and_its_contents()
    {
        var pack = Render(new VisitPackRequest("2023-01-10-zeeland"));
        var headings = pack.Document.Headings().Select(h => h.Id).ToList();
        foreach (var id in new[] { "key-messages", "prior-meetings", "commitments", "context", "analysis", "biographies", "relationship" })
            Assert.DoesNotContain(id, headings);
        var text = Text(pack.Document);
        Assert.DoesNotMatch(@"\bNo [a-z ]+(recorded|on record)", text);
        Assert.DoesNotContain("zero", text);
        // Absence that is news is said once, in the prose.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "No earlier meeting between China and Zeeland is in these records."));

        var profile = Render(new CountryPackRequest("ZZL"));
        Assert.DoesNotContain(profile.Document.Headings(), h => h.Id is "memberships" or "partnership" or "documents" or "quotes" or "positions");
        Assert.DoesNotContain("not recorded", Text(profile.Document));
    }

    [Fact]
    public void Profiles_print_display_names_never_match_only_spellings_and_both_resolve()
    {
        var text = Text(Render(new CountryPackRequest("Meiguo")).Document);
        Assert.Contains("America", text);
        Assert.DoesNotContain("Meiguo", text);
        Assert.DoesNotContain("Amerika", text);
        Assert.Equal("USA", records.ResolveCountry("Amerika").Value.Code);
        Assert.Equal("USA", records.ResolveCountry("America").Value.Code);
    }

    [Fact]
    public void A_spelling_that_only_repeats_the_name_is_warned_about_and_not_printed()
    {
        File.WriteAllText(Path.Combine(folder.Path, "data/countries/ZZL.yaml"), "code: ZZL\nname: Zeeland\naliases: [ZeeLand, Sealand]\nmatch_only: [Sealand]\n");
        var loaded = RecordLoader.Load(Path.Combine(folder.Path, "data"));
        var warnings = loaded.Diagnostics.Where(d => d.Code == DiagnosticCodes.RedundantName).Select(d => d.ToString()).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("'ZeeLand' in 'aliases' repeats the name"));
        Assert.Contains(warnings, w => w.Contains("'Sealand' in 'match_only' repeats 'Sealand' in 'aliases'"));
        var text = Text(new PackRenderer(loaded.Records, Repository.Templates, Today).Render(new CountryPackRequest("ZZL")).Document);
        Assert.Contains("Also known as: Sealand", text);
        Assert.DoesNotContain("ZeeLand", text);
    }

    [Fact]
    public void Open_ended_roles_are_current_only_as_far_as_the_evidence_goes()
    {
        var text = Text(Render(new CountryPackRequest("USA")).Document);
        Assert.Contains("President of the United States since 20 January 2021 (last on record 15 November 2023)", text);
        Assert.Contains("Ambassador of the United States to China (last on record 14 November 2022)", text);

        // In the brief the meeting itself is the evidence: the role is the role at the time, unqualified.
        var brief = Text(Render(new VisitPackRequest("2023-11-15-beijing")).Document);
        Assert.Contains("President of the United States since 20 January 2021.", brief);
    }

    [Fact]
    public void A_country_whose_leaders_roles_all_ended_does_not_read_as_leaderless()
    {
        var text = Text(Render(new CountryPackRequest("ZZL")).Document);
        Assert.Contains("Zed Zee", text);
        Assert.Contains("gap in the records, not evidence of a vacancy", text);
    }

    [Fact]
    public void Prose_uses_articles_third_location_hosts_and_no_tells()
    {
        var pack = Render(new VisitPackRequest("2022-11-14-phnom-penh"));
        var text = Text(pack.Document);
        // Looking back on a past meeting, a biography gives the role held then, and says so.
        Assert.Contains("At the time of the meeting: ", text);
        // At a third location neither delegation is labelled the host in the participants table.
        var participants = Assert.Single(pack.Document.Blocks.Descendants().OfType<Table>(),
            t => t.HeaderRows.Count > 0 && CellText(t.HeaderRows[0].Cells[0]) == "Name");
        Assert.Equal("Country", CellText(participants.HeaderRows[0].Cells[^1]));
        Assert.DoesNotContain(participants.BodyRows.SelectMany(r => r.Cells), c => CellText(c).Contains("(host)", StringComparison.Ordinal));
        Assert.Contains("Format: Talks on the sidelines, in Cambodia", text);
        Assert.DoesNotContain("hosted by China", text);
        Assert.DoesNotContain("came to", text);
        Assert.Contains("Xi Jinping held talks with Joe Biden in Phnom Penh on 14 November 2022", text);
        Assert.Contains(pack.Document.Headings(), h => h.PlainText == "What the United States said");
        Assert.Contains("No earlier meeting between China and the United States is in these records.", text);
        // The speaker is named once over their statements, not at the start of every bullet.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Joe Biden:"));

        var later = Text(Render(new VisitPackRequest("2023-11-15-beijing")).Document);
        Assert.DoesNotContain(".;", later);
        Assert.Contains("One earlier meeting;", later);
        Assert.Contains("Met China\u2019s leaders once before on record", later);
        Assert.Contains("In these records, the last earlier meeting between China and the United States is the talks on the sidelines of 14 November 2022", later);
        // The same outcome is printed in full once: the prior-meetings table names it by kind.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(later, "PRIOR-COMMITMENT"));
        // One attribution under two items by the same analyst.
        var quotes = Render(new VisitPackRequest("2023-11-15-beijing")).Document.Blocks.Descendants().OfType<Quote>().ToList();
        Assert.Single(quotes, q => q.Attribution?.ToPlainText() == "Ann Analyst, in Preview");
    }

    [Fact]
    public void A_count_from_our_records_says_so_and_carries_no_sources_footnote()
    {
        foreach (var (id, sentence) in new[]
        {
            ("2022-11-14-phnom-penh", "No earlier meeting between China and the United States is in these records."),
            ("2023-11-15-beijing", "In these records, the last earlier meeting between China and the United States"),
        })
        {
            var rendered = Render(new VisitPackRequest(id));
            var document = rendered.Document;
            var line = Assert.Single(rendered.Markdown.Split('\n'), l => l.Contains(sentence, StringComparison.Ordinal));
            // The source's note closes the sentences it backs; the count from the records comes after it, unnoted.
            var mark = line.LastIndexOf("[^", StringComparison.Ordinal);
            Assert.True(mark >= 0, line);
            Assert.True(line.IndexOf(sentence, StringComparison.Ordinal) > mark, line);
            Assert.DoesNotContain(document.Blocks.Descendants().OfType<Paragraph>(), p => p.Content.ToPlainText().Contains("first meeting between", StringComparison.Ordinal));
        }
        var text = Text(Render(new VisitPackRequest("2022-11-14-phnom-penh")).Document);
        Assert.Contains("No earlier meeting with China\u2019s leaders is in these records.", text);
        Assert.DoesNotContain("leaders on record", text);
    }

    [Fact]
    public void Announced_meetings_whose_day_passed_stay_on_record_as_planned_and_counts_agree()
    {
        var pack = Render(new CountryPackRequest("USA"));
        var text = Text(pack.Document);
        // `list countries` counts every meeting on record with the country: the profile says the same number.
        Assert.Equal(3, records.MeetingsWithCountry("USA").Count);
        Assert.Contains("Three meetings with China on record up to 15 January 2026: two held, one announced with no report that it took place", text);
        // Said once, as a group, not as a status in a table row.
        Assert.Contains("The announced meeting: 1 May 2024, a state visit in the United States (Xi Jinping)", text);
    }

    [Fact]
    public void Announced_only_meetings_are_grouped_once_not_a_status_per_row_or_paragraph()
    {
        folder.File("data/meetings/2024-05-02-washington-talks.yaml", """
            id: 2024-05-02-washington-talks
            date: 2024-05-02
            status: planned
            kind: bilateral_meeting
            title: Xi to hold talks in Washington
            host: USA
            guest: CHN
            place:
              country: USA
            participants:
              - {person: xi, side: guest}
              - {person: biden, side: host}
            topics: [trade]
            sources: [pre-2023-11-10]
            """);
        var loaded = RecordLoader.Load(Path.Combine(folder.Path, "data"));
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var renderer = new PackRenderer(loaded.Records, Repository.Templates, Today);
        static string Cells(Document d) => string.Join("\n", d.Blocks.Descendants().OfType<Table>()
            .SelectMany(t => t.BodyRows).SelectMany(r => r.Cells).Select(c => c.Content.ToPlainText()));

        var profile = renderer.Render(new CountryPackRequest("USA")).Document;
        var text = Text(profile);
        Assert.Contains("The two announced meetings: 1 May 2024, a state visit in the United States (Xi Jinping)", text);
        Assert.Contains("; 2 May 2024, a bilateral meeting in the United States (Xi Jinping and Joe Biden; topics: trade)", text);
        Assert.DoesNotContain("no report", Cells(profile));
        Assert.DoesNotContain("2 May 2024", Cells(profile));
        // No section per announced meeting repeating its status.
        Assert.DoesNotContain(profile.Headings(), h => h.PlainText.StartsWith("2 May 2024", StringComparison.Ordinal));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "no report"));

        var digest = renderer.Render(new DigestPackRequest(new DateOnly(2024, 4, 1), new DateOnly(2024, 6, 30), "2024Q2")).Document;
        var digestText = Text(digest);
        Assert.Contains("Two meetings of China\u2019s leaders are on record for 2024Q2, both announced with no report yet that they took place. "
            + "The counterpart was the United States.", digestText);
        Assert.DoesNotContain("no report", Cells(digest));
        Assert.Contains("Announced, with no report that they took place: 1 May 2024, a state visit in the United States", digestText);
        Assert.Contains("; 2 May 2024, a bilateral meeting in the United States", digestText);
        Assert.Contains("Two meetings in 2024Q2, both announced with no report that they took place: "
            + "a state visit in the United States on 1 May 2024 and a bilateral meeting in the United States on 2 May 2024.", digestText);

        // A brief's programme lists the stops announced with no report once, apart from the rest.
        var brief = Text(renderer.Render(new VisitPackRequest("2024-05-01-washington")).Document);
        Assert.DoesNotContain("planned, no report", brief);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(brief, "Announced for Xi Jinping around this meeting, with no report on record that it took place:"));
    }

    [Fact]
    public void Two_briefs_on_the_same_pair_and_kind_of_meeting_have_different_titles()
    {
        folder.File("data/meetings/2023-06-01-lima.yaml", """
            id: 2023-06-01-lima
            date: 2023-06-01
            status: held
            kind: sidelines
            title: Xi meets Biden again
            host: CHN
            guest: USA
            place:
              country: ZZL
            participants:
              - {person: xi, side: host}
              - {person: biden, side: guest}
            sources: [wire-2022-11-15]
            """);
        var loaded = RecordLoader.Load(Path.Combine(folder.Path, "data"));
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var renderer = new PackRenderer(loaded.Records, Repository.Templates, Today);
        var first = renderer.Render(new VisitPackRequest("2022-11-14-phnom-penh")).Document.Metadata.Title;
        var second = renderer.Render(new VisitPackRequest("2023-06-01-lima")).Document.Metadata.Title;
        Assert.Equal("Talks on the sidelines: Xi Jinping and Joe Biden, 14 November 2022", first);
        Assert.Equal("Talks on the sidelines: Xi Jinping and Joe Biden, 1 June 2023", second);
    }

    [Fact]
    public void Purpose_names_the_traveller_once_and_does_not_repeat_the_place_the_occasion_names()
    {
        folder.File("data/meetings/2023-11-15-beijing.yaml", """
            id: 2023-11-15-beijing
            date: 2023-11-15
            status: held
            kind: official_visit
            title: Biden visits Beijing
            occasion: Autumn talks, Beijing
            host: CHN
            guest: USA
            place:
              city: Beijing
              country: CHN
              venue: Great Hall of the People
            participants:
              - {person: xi, side: host}
              - {person: biden, side: guest}
            sources: [post-2023-11-17]
            """);
        var loaded = RecordLoader.Load(Path.Combine(folder.Path, "data"));
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var document = new PackRenderer(loaded.Records, Repository.Templates, Today).Render(new VisitPackRequest("2023-11-15-beijing")).Document;
        var purpose = Text(document).Split('\n').Single(l => l.StartsWith("Joe Biden came to Beijing", StringComparison.Ordinal));
        Assert.Contains("came to Beijing for an official visit (Autumn talks), the first to China in 2023;", purpose);
        Assert.Contains("Xi Jinping was the host, at the Great Hall of the People.", purpose);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(purpose, "Joe Biden"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(purpose, "Beijing"));
    }

    [Fact]
    public void An_absence_of_outcomes_is_not_cited_the_row_note_goes_with_the_kind()
    {
        var pack = Render(new CountryPackRequest("ZZL"));
        var cells = pack.Document.Blocks.Descendants().OfType<Table>().SelectMany(t => t.BodyRows).SelectMany(r => r.Cells).ToList();
        var none = Assert.Single(cells, c => CellText(c) == "none recorded");
        Assert.DoesNotContain(none.Content, i => i is FootnoteReference);
        Assert.Contains(pack.Markdown.Split('\n'), l => l.Contains("bilateral meeting[^wire-2022-11-15] |", StringComparison.Ordinal) && l.Contains("| none recorded |", StringComparison.Ordinal));
        // Reported outcomes keep their note.
        Assert.Contains(Render(new CountryPackRequest("USA")).Markdown.Split('\n'), l => l.Contains("| agreement, announcement[^", StringComparison.Ordinal));
    }

    [Fact]
    public void A_countrys_own_profile_counts_its_meetings_with_foreign_leaders()
    {
        var text = Text(Render(new CountryPackRequest("CHN")).Document);
        Assert.Contains("meetings with foreign leaders on record", text);
        Assert.DoesNotContain("with China on record", text);
    }

    /// <summary>The Phnom Penh meeting with an agenda and statements tied to it (or not), for the grouping rules.</summary>
    private RecordSet WithTopics()
    {
        folder.File("data/meetings/2022-11-14-phnom-penh.yaml", """
            id: 2022-11-14-phnom-penh
            date: 2022-11-14
            status: held
            kind: sidelines
            title: Xi meets Biden in Phnom Penh
            host: CHN
            guest: USA
            place:
              city: Phnom Penh
              country: KHM
            participants:
              - {person: xi, side: host}
              - {person: biden, side: guest}
              - {person: envoy, side: guest}
            topics: [Security, trade, climate]
            statements:
              - {speaker: xi, text: HOME-UNTOPICAL., sources: [wire-2022-11-15]}
              - {speaker: xi, text: HOME-CLIMATE., topics: [climate], sources: [wire-2022-11-15]}
              - {speaker: xi, text: HOME-TRADE-AND-SECURITY., topics: [trade, security], sources: [wire-2022-11-15]}
              - {speaker: xi, text: HOME-SECURITY-TWO., topics: [Security, Trade], sources: [wire-2022-11-15]}
              - {speaker: biden, text: ASK-UNTOPICAL., sources: [wire-2022-11-15]}
              - {speaker: biden, text: ASK-TRADE., topics: [trade], sources: [wire-2022-11-15]}
            sources: [wire-2022-11-15]
            """);
        var loaded = RecordLoader.Load(Path.Combine(folder.Path, "data"));
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        return loaded.Records;
    }

    [Fact]
    public void Points_to_make_are_grouped_by_agenda_topic_in_agenda_order_with_the_untopical_last()
    {
        var pack = new PackRenderer(WithTopics(), Repository.Templates, Today)
            .Render(new VisitPackRequest("2023-11-15-beijing") { AsOf = new DateOnly(2023, 11, 14) });
        var points = Assert.Single(pack.Document.Blocks.Descendants().OfType<Callout>(), c => c.Kind == "points");
        var lines = points.Blocks.Descendants().OfType<Paragraph>().Select(p => p.Content.ToPlainText()).ToList();
        int At(string start) => lines.FindIndex(l => l.StartsWith(start, StringComparison.Ordinal));
        // One group per set of topics, headed by them in agenda order (as the agenda writes them); each statement once.
        Assert.True(At("Security; trade") < At("HOME-TRADE-AND-SECURITY.") && At("HOME-TRADE-AND-SECURITY.") < At("HOME-SECURITY-TWO."), string.Join("\n", lines));
        Assert.True(At("HOME-SECURITY-TWO.") < At("Climate") && At("Climate") < At("HOME-CLIMATE."), string.Join("\n", lines));
        Assert.True(At("HOME-CLIMATE.") < At("General") && At("General") < At("HOME-UNTOPICAL."), string.Join("\n", lines));
        Assert.Single(lines, l => l.StartsWith("HOME-SECURITY-TWO.", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l == "General"));
        // What the other side raised: its speaker named once, then its topics, the untopical last.
        Assert.Single(lines, l => l.StartsWith("What Joe Biden raised", StringComparison.Ordinal));
        Assert.True(At("What Joe Biden raised") < At("ASK-TRADE.") && At("ASK-TRADE.") < At("ASK-UNTOPICAL."), string.Join("\n", lines));
        Assert.True(lines.FindLastIndex(l => l == "Trade") is var trade && trade > At("What Joe Biden raised") && trade < At("ASK-TRADE."));

        // Without any topic on record nothing is grouped and no heading is invented (the statements of the base set).
        var plain = Render(new VisitPackRequest("2023-11-15-beijing") { AsOf = new DateOnly(2023, 11, 14) });
        var plainLines = Assert.Single(plain.Document.Blocks.Descendants().OfType<Callout>(), c => c.Kind == "points")
            .Blocks.Descendants().OfType<Paragraph>().Select(p => p.Content.ToPlainText()).ToList();
        Assert.DoesNotContain("General", plainLines);
    }

    [Fact]
    public void A_statement_topic_not_on_the_meetings_agenda_is_a_located_error()
    {
        folder.File("data/meetings/2022-11-14-phnom-penh.yaml", """
            id: 2022-11-14-phnom-penh
            date: 2022-11-14
            status: held
            kind: sidelines
            title: Xi meets Biden in Phnom Penh
            host: CHN
            guest: USA
            place:
              city: Phnom Penh
              country: KHM
            participants:
              - {person: xi, side: host}
            topics: [trade, climate]
            statements:
              - speaker: xi
                text: A line.
                topics:
                  - trade
                  - climte
            sources: [wire-2022-11-15]
            """);
        var loaded = RecordLoader.Load(Path.Combine(folder.Path, "data"));
        var error = Assert.Single(loaded.Diagnostics, d => d.Code == DiagnosticCodes.UnknownReference);
        Assert.EndsWith("2022-11-14-phnom-penh.yaml:19:9: error REC009: unknown topic 'climte' in statement: a statement's topics must be among the meeting's 'topics'; did you mean 'climate'?",
            error.ToString().Replace('\\', '/'));
    }

    [Fact]
    public void Every_role_shown_says_whether_it_is_current_not_only_the_first()
    {
        folder.File("data/people/dual.yaml", """
            id: dual
            name: Dee Dual
            country: USA
            roles:
              - title: Secretary of Hats
                from: 2021-06-01
              - title: Chair of Coats
                from: 2019-01-01
              - title: Keeper of Gloves
            """);
        var loaded = RecordLoader.Load(Path.Combine(folder.Path, "data"));
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var text = Text(new PackRenderer(loaded.Records, Repository.Templates, Today).Render(new CountryPackRequest("USA")).Document);
        Assert.Contains("Dee Dual: Secretary of Hats since 1 June 2021 (no later record); also Chair of Coats (since 1 January 2019; no later record), "
            + "Keeper of Gloves (no dated record of it)", text);
        // Known only from its start: as of a day before it began, a role is not shown at all.
        var before = Text(new PackRenderer(loaded.Records, Repository.Templates, Today)
            .Render(new CountryPackRequest("USA") { AsOf = new DateOnly(2020, 1, 1) }).Document);
        Assert.DoesNotContain("Secretary of Hats", before);
        Assert.Contains("Chair of Coats", before);
    }

    [Fact]
    public void Source_notes_print_the_display_dateline_never_the_garble_kept_as_received()
    {
        folder.File("data/countries/KHM.yaml", "code: KHM\nname: Cambodia\ncities:\n  - name: Phnom Penh\n    match_only: [Pnom Pen]\n");
        folder.File("data/sources/wire-2022-11-15.yaml", """
            id: wire-2022-11-15
            outlet: Wire
            date: 2022-11-15
            dateline: Phnom Penh
            dateline_as_received: (Pnom Pen Composite)
            note: Outlet inferred from the dateline.
            """);
        folder.File("data/sources/wire-2020-03-01.yaml", "id: wire-2020-03-01\noutlet: Wire\ndate: 2020-03-01\nnote: Dateline '(Pnom-Pen)'.\n");
        var loaded = RecordLoader.Load(Path.Combine(folder.Path, "data"));
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        // The garble quoted in a printed field is a located warning; kept as received it is not.
        var warning = Assert.Single(loaded.Diagnostics, d => d.Code == DiagnosticCodes.MatchOnlyPrinted);
        Assert.Contains("wire-2020-03-01.yaml:4:7: warning REC026: 'note' in source holds 'Pnom Pen'", warning.ToString().Replace('\\', '/'));
        Assert.Equal("(Pnom Pen Composite)", loaded.Records.Sources["wire-2022-11-15"].DatelineAsReceived);

        var pack = new PackRenderer(loaded.Records, Repository.Templates, Today).Render(new VisitPackRequest("2022-11-14-phnom-penh"));
        var notes = string.Join("\n", pack.Document.Blocks.Descendants().OfType<Paragraph>().Select(p => p.Content.ToPlainText()))
            + pack.Markdown;
        Assert.Contains("Wire, 15 November 2022. Dateline: Phnom Penh. Outlet inferred from the dateline.", pack.Markdown);
        Assert.DoesNotContain("Pnom Pen Composite", notes);
    }

    [Fact]
    public void Past_visits_read_in_the_past_every_point_is_cited_and_paraphrase_is_never_set_as_a_quotation()
    {
        folder.File("data/meetings/2023-12-20-beijing.yaml", """
            id: 2023-12-20-beijing
            date: 2023-12-20
            status: held
            kind: working_visit
            title: Biden visits Beijing again
            host: CHN
            guest: USA
            place:
              city: Beijing
              country: CHN
            participants:
              - {person: xi, side: host}
              - {person: biden, side: guest}
            statements:
              - {speaker: xi, text: UNSOURCED-PARAPHRASE.}
              - {speaker: biden, text: UNSOURCED-QUOTE., quote: true}
            outcomes:
              - {kind: agreement, text: UNSOURCED-OUTCOME.}
            sources: [post-2023-11-17]
            """);
        folder.File("data/meetings/2023-12-21-call.yaml", """
            id: 2023-12-21-call
            date: 2023-12-21
            status: held
            kind: phone_call
            title: Xi and Biden speak by phone
            host: CHN
            guest: USA
            place:
              country: CHN
            participants:
              - {person: xi, side: host}
              - {person: biden, side: guest}
            outcomes:
              - {kind: agreement, text: CALL-OUTCOME., sources: [post-2023-11-17]}
            sources: [post-2023-11-17]
            """);
        var loaded = RecordLoader.Load(Path.Combine(folder.Path, "data"));
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var renderer = new PackRenderer(loaded.Records, Repository.Templates, Today);

        var brief = renderer.Render(new VisitPackRequest("2023-12-20-beijing")).Document;
        Assert.Contains("for a working visit, the second to China in 2023;", Text(brief));
        // A statement or outcome with no sources of its own cites the meeting's reports.
        foreach (var item in new[] { "UNSOURCED-PARAPHRASE.", "UNSOURCED-OUTCOME." })
            Assert.Contains(brief.Blocks.Descendants().OfType<Paragraph>(),
                p => p.Content.ToPlainText().Contains(item, StringComparison.Ordinal) && p.Content.Any(i => i is FootnoteReference));

        // A section of outcomes alone is headed once, not "Outcomes" over "Outcomes of this meeting".
        var call = renderer.Render(new VisitPackRequest("2023-12-21-call")).Document;
        Assert.Contains(call.Headings(), h => h.PlainText == "Outcomes");
        Assert.DoesNotContain(call.Headings(), h => h.PlainText == "Outcomes of this meeting");

        // The digest sets only quotations as quotations; reported words are bullets under their speaker.
        var digest = renderer.Render(new DigestPackRequest(new DateOnly(2023, 10, 1), new DateOnly(2023, 12, 31), "2023Q4")).Document;
        var quotes = digest.Blocks.Descendants().OfType<Quote>().Select(q => string.Join(" ", q.Blocks.OfType<Paragraph>().Select(p => p.Content.ToPlainText()))).ToList();
        Assert.Contains(quotes, q => q.Contains("UNSOURCED-QUOTE.", StringComparison.Ordinal));
        Assert.DoesNotContain(quotes, q => q.Contains("UNSOURCED-PARAPHRASE", StringComparison.Ordinal));
        Assert.Contains(digest.Blocks.Descendants().OfType<ListBlock>().SelectMany(l => l.Items).SelectMany(i => i.Blocks.OfType<Paragraph>()),
            p => p.Content.ToPlainText().StartsWith("20 December 2023: UNSOURCED-PARAPHRASE.", StringComparison.Ordinal));
    }
}
