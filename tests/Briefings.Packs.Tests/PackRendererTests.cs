using Briefings.Documents;
using Briefings.Records;
using Xunit;

namespace Briefings.Packs.Tests;

public class PackRendererTests
{
    private static readonly DateOnly Today = new(2026, 1, 15);
    private static readonly Lazy<RecordSet> SampleRecords = new(() => RecordLoader.Load(Repository.Data).Records);

    private static RenderedPack Render(PackRequest request, RecordSet? records = null) =>
        new PackRenderer(records ?? SampleRecords.Value, Repository.Templates, Today).Render(request);

    private static string AllText(Document document) =>
        string.Join("\n", document.Blocks.Descendants().Select(BlockText)
            .Concat(document.Footnotes.SelectMany(f => f.Blocks.Descendants().Select(BlockText))));

    private static string BlockText(Block block) => block switch
    {
        Paragraph p => p.Content.ToPlainText(),
        Heading h => h.PlainText,
        Table t => string.Join("\n", t.HeaderRows.Concat(t.BodyRows).Select(r => string.Join(" | ", r.Cells.Select(c => c.Content.ToPlainText())))),
        DefinitionList d => string.Join("\n", d.Items.Select(i => i.Term.ToPlainText())),
        Callout c => c.Title ?? "",
        Quote q => q.Attribution?.ToPlainText() ?? "",
        _ => "",
    };

    private static Table TableAfter(Document document, string headingId)
    {
        var index = document.Blocks.ToList().FindIndex(b => b is Heading h && h.Id == headingId);
        Assert.True(index >= 0, $"no heading #{headingId}");
        return Assert.IsType<Table>(document.Blocks.Skip(index + 1).TakeWhile(b => b is not Heading { Level: 1 }).First(b => b is Table));
    }

    [Fact]
    public void VisitBriefForTheLukashenkoMeeting()
    {
        var pack = Render(new VisitPackRequest("2023-12-04-xi-lukashenko"));
        var document = pack.Document;
        var text = AllText(document);

        Assert.Equal("visit-2023-12-04-xi-lukashenko", pack.Name);
        // A held meeting's brief defaults to everything known now, like a profile.
        Assert.Equal(Today, pack.AsOf);
        Assert.Contains("Lukashenko", document.Metadata.Title);
        Assert.Contains("Belarus", text);
        Assert.Contains("Diaoyutai State Guesthouse", text);
        Assert.Contains("second visit to China in 2023", text);
        Assert.Contains("the state visit of 1 March 2023, nine months before", text);

        var prior = TableAfter(document, "prior-meetings");
        Assert.Equal(["Date", "Place", "Kind", "Outcome"], prior.HeaderRows[0].Cells.Select(c => c.Content.ToPlainText()));
        var row = Assert.Single(prior.BodyRows);
        Assert.Equal("1 March 2023", row.Cells[0].Content.ToPlainText());
        // No outcomes reported: the row's note goes with the kind of meeting, not with "none recorded".
        Assert.Equal("state visit", row.Cells[2].Content.Where(i => i is not FootnoteReference).ToPlainText());
        Assert.Contains(row.Cells[2].Content, i => i is FootnoteReference);
        Assert.Equal("none recorded", row.Cells[3].Content.ToPlainText());

        // Sources are footnotes, referenced from the text.
        Assert.NotEmpty(document.Footnotes);
        Assert.Contains(document.Blocks.Descendants().OfType<Paragraph>().SelectMany(p => p.Content), i => i is FootnoteReference);
        Assert.Contains("Lianhe Zaobao", string.Join(" ", document.Footnotes.SelectMany(f => f.Blocks).OfType<Paragraph>().Select(p => p.Content.ToPlainText())));

        // Cover, contents, call-out, marking.
        Assert.Contains(document.Metadata.CoverFields, f => f.Key == "Place" && f.Value.Contains("Diaoyutai"));
        Assert.Contains(document.Blocks, b => b is TableOfContents);
        Assert.Contains(document.Blocks.Descendants(), b => b is Callout { Kind: "points" });
        Assert.Equal("OFFICIAL — INTERNAL USE ONLY", document.Metadata.Marking);
        Assert.Contains("reliable partner", text);
        Assert.Contains("Li Mingjiang", text);
    }

    [Theory]
    [InlineData("2022-09-15-xi-putin")]
    [InlineData("2022-09-15-sco-summit")]
    public void A_note_citing_several_sources_gives_each_once_joined_by_semicolons(string meeting)
    {
        var document = Render(new VisitPackRequest(meeting)).Document;
        var notes = document.Footnotes.Select(f => string.Join(" ", f.Blocks.OfType<Paragraph>().Select(p => p.Content.ToPlainText()))).ToList();
        // The meeting cites two Lianhe Zaobao reports together: one note names both, each source once.
        var compound = Assert.Single(notes, n => n.Contains("13 September 2022") && n.Contains("14 September 2022"));
        Assert.DoesNotContain(" — ", compound);
        Assert.Matches(@"^Lianhe Zaobao, [^.]*, 1[34] September 2022; Lianhe Zaobao, [^.]*1[34] September 2022\.", compound);
        // Every title is given in full in one note only; a later note names an already given source by outlet and date.
        foreach (var title in new[] { "Xi Jinping arrives in Kazakhstan", "Xi Jinping expected to meet Putin" })
            Assert.True(notes.Count(n => n.Contains(title)) <= 1, $"\"{title}\" is given in full in more than one note: {string.Join(" | ", notes)}");
    }

    [Fact]
    public void BriefBeforeTheMeetingTreatsItAsUpcomingAndShowsNoOutcomes()
    {
        var pack = Render(new VisitPackRequest("2023-12-04-xi-lukashenko") { AsOf = new DateOnly(2023, 11, 30) });
        var text = AllText(pack.Document);

        Assert.Equal("visit-2023-12-04-xi-lukashenko-as-of-2023-11-30", pack.Name);
        Assert.Contains("is due in Beijing in four days", text);
        Assert.Contains(pack.Document.Metadata.CoverFields, f => f.Key == "Status" && f.Value == "Upcoming");
        Assert.Contains("for a working visit, the second to China in 2023.", text);
        // None of what was said, agreed or analysed at the meeting.
        Assert.DoesNotContain("reliable partner", text);
        Assert.DoesNotContain("Li Mingjiang", text);
        Assert.DoesNotContain("three hours", text);
        Assert.DoesNotContain(pack.Document.Blocks.Descendants(), b => b is Heading { Id: "outcomes" or "counterpart-positions" });
        // The earlier meeting is still a prior meeting.
        Assert.Equal("1 March 2023", Assert.Single(TableAfter(pack.Document, "prior-meetings").BodyRows).Cells[0].Content.ToPlainText());
    }

    [Fact]
    public void CountryProfileForKazakhstan()
    {
        var pack = Render(new CountryPackRequest("Kazakhstan") { AsOf = new DateOnly(2024, 1, 1) });
        var text = AllText(pack.Document);

        Assert.Equal("country-kaz-as-of-2024-01-01", pack.Name);
        Assert.Contains("31 years of relations", text);
        Assert.Contains("Kassym-Jomart Tokayev", text);
        Assert.Contains("SCO", text);
        var meetings = TableAfter(pack.Document, "meetings");
        Assert.Contains(meetings.BodyRows, r => r.Cells[0].Content.ToPlainText() == "14 September 2022");
        Assert.Contains("joint statement", text);
    }

    [Fact]
    public void CountryProfileDefaultsToTodayAndAcceptsAliases()
    {
        var pack = Render(new CountryPackRequest("Qazaqstan"));
        Assert.Equal("country-kaz", pack.Name);
        Assert.Equal(Today, pack.AsOf);
        Assert.Contains("34 years of relations", AllText(pack.Document));
    }

    [Fact]
    public void TitlesHeldAtTheSameTimeAreNotCalledEarlier()
    {
        // Xi Jinping was party leader before he became president and still is: both titles hold.
        var text = AllText(Render(new CountryPackRequest("CHN")).Document);
        // Open-ended roles are shown only as far as the last record of them goes.
        Assert.Contains("President of the People’s Republic of China since 14 March 2013 (last on record 4 December 2023); also General Secretary of the Communist Party of China (since 15 November 2012; last on record 4 December 2023)", text);
        Assert.DoesNotContain("earlier General Secretary", text);
        // Yang Jiechi's directorship ended: that one is earlier.
        Assert.Contains("earlier Director of the Office of the Central Foreign Affairs Commission", text);
        // China's own leaders meet foreign leaders, not "China's leaders".
        Assert.DoesNotContain("with China's leaders", text);
    }

    [Fact]
    public void CountryProfileAsOfADateKnowsOnlyWhatCameBefore()
    {
        var pack = Render(new CountryPackRequest("RUS") { AsOf = new DateOnly(2022, 9, 13) });
        var text = AllText(pack.Document);
        var meetings = TableAfter(pack.Document, "meetings");
        Assert.Equal(["4 February 2022", "5 August 2022", "7 September 2022", "12 September 2022"],
            meetings.BodyRows.Select(r => r.Cells[0].Content.ToPlainText()));
        Assert.Contains(pack.Document.Headings(), h => h.Id == "upcoming");
        Assert.Contains("15 September 2022: talks on the sidelines in Samarkand", text);
        Assert.Contains("12 September 2022 (via TASS)", text);

        var later = Render(new CountryPackRequest("RUS") { AsOf = new DateOnly(2022, 8, 31) });
        Assert.Equal(2, TableAfter(later.Document, "meetings").BodyRows.Count);
        Assert.DoesNotContain("(via TASS)", AllText(later.Document));
    }

    [Fact]
    public void ItemCitingTwoSourcesGetsOneNoteListingBoth()
    {
        var document = Render(new VisitPackRequest("2022-09-15-xi-uzbekistan-state-visit")).Document;
        var purpose = document.Blocks.OfType<Paragraph>().First();
        Assert.Equal([1], purpose.Content.OfType<FootnoteReference>().Select(f => f.Number));
        var note = document.FindFootnote(1)!;
        var text = Assert.IsType<Paragraph>(Assert.Single(note.Blocks)).Content.ToPlainText();
        Assert.Contains("Xi Jinping arrives in Kazakhstan", text);
        Assert.Contains("Xi Jinping expected to meet Putin", text);
    }

    [Fact]
    public void AnnouncedMeetingWhoseDayHasPassedIsNotCalledUpcoming()
    {
        var pack = Render(new VisitPackRequest("2022-09-15-xi-uzbekistan-state-visit") { AsOf = new DateOnly(2023, 1, 1) });
        var text = AllText(pack.Document);
        // The whole of a two-day visit.
        Assert.Contains("was due in Samarkand on 15\u201316 September 2022", text);
        Assert.Contains("do not show that it took place", text);
        Assert.DoesNotContain("is due", text);
        Assert.Contains(pack.Document.Metadata.CoverFields, f => f.Key == "Status" && f.Value == "Not recorded as held");

        // Talks at a third location: both sides were due there, not only the guest.
        var talks = AllText(Render(new VisitPackRequest("2022-09-15-xi-putin") { AsOf = new DateOnly(2023, 1, 1) }).Document);
        Assert.Contains("Xi Jinping was due to hold talks with Vladimir Putin in Samarkand on 15 September 2022", talks);
    }

    [Fact]
    public void ProgrammeListsTheRestOfTheTrip()
    {
        var document = Render(new VisitPackRequest("2022-09-14-xi-tokayev")).Document;
        var index = document.Blocks.ToList().FindIndex(b => b is Heading { Id: "programme" });
        // As of today the announced stops' days have passed with no report of them: they are listed under one line saying
        // so, and with no other stop recorded, this meeting is not listed alone as a "programme".
        var trip = Assert.IsType<ListBlock>(document.Blocks.Skip(index).First(b => b is ListBlock));
        var stops = trip.Items.Select(i => Assert.IsType<Paragraph>(i.Blocks[0]).Content.ToPlainText()).ToList();
        Assert.Contains(stops, s => s.StartsWith("15–16 September 2022: state visit in Samarkand, Uzbekistan", StringComparison.Ordinal));
        Assert.DoesNotContain(stops, s => s.Contains("(this meeting)", StringComparison.Ordinal));
        Assert.Contains(document.Blocks, b => b is Paragraph p && p.Content.ToPlainText() == "Announced for Xi Jinping around this meeting, with no report on record that they took place:");
        Assert.DoesNotContain("no report of it on record", AllText(document));

        // Seen from the summit, the visit to Kazakhstan the day before is the programme, and the other stops apart.
        var summit = Render(new VisitPackRequest("2022-09-15-sco-summit")).Document;
        Assert.Contains(summit.Blocks, b => b is Paragraph p && p.Content.ToPlainText() == "Also announced, with no report on record that they took place:");
    }

    [Fact]
    public void UnknownMeetingNamesTheNearestIds()
    {
        var e = Assert.Throws<PackException>(() => Render(new VisitPackRequest("2023-12-04-xi-lukashenk")));
        var problem = Assert.Single(e.Diagnostics);
        Assert.Equal((Severity.Error, PackCodes.UnknownMeeting, "", 0), (problem.Severity, problem.Code, problem.Path, problem.Line));
        Assert.StartsWith("unknown meeting '2023-12-04-xi-lukashenk'; nearest: 2023-12-04-xi-lukashenko", problem.Message);
        Assert.StartsWith("error PACK001: unknown meeting '2023-12-04-xi-lukashenk'", Assert.Single(e.Problems));
    }

    [Fact]
    public void UnknownCountryNamesTheNearestCountries()
    {
        var e = Assert.Throws<PackException>(() => Render(new CountryPackRequest("Belaruss")));
        Assert.Contains("unknown country 'Belaruss'; nearest: BLR (Belarus)", Assert.Single(e.Problems));
    }

    [Fact]
    public void HostileRecordTextAppearsLiterallyWithoutChangingStructure()
    {
        using var fixtures = new PackFixtures();
        var document = Render(new VisitPackRequest(PackFixtures.HostileMeeting), fixtures.Records).Document;
        var hostile = PackFixtures.Hostile;

        Assert.StartsWith(hostile, document.Metadata.Title);
        var participants = TableAfter(document, "participants");
        Assert.Equal(3, participants.Columns.Count);
        Assert.All(participants.BodyRows, r => Assert.Equal(3, r.Cells.Count));
        Assert.Equal(hostile, participants.BodyRows[1].Cells[0].Content.ToPlainText());
        Assert.Equal("Envoy <i>special</i> | *acting*", participants.BodyRows[1].Cells[1].Content.ToPlainText());
        Assert.Contains(document.Headings(), h => h.Level == 2 && h.PlainText == hostile);
        Assert.Contains(document.Blocks.Descendants().OfType<Quote>(), q => q.Attribution!.ToPlainText() == $"{hostile}, 10 January 2024");
        Assert.Contains("Desk | *wire*, “Report [x](http://evil) <b>”", AllText(document));
        // The only links are the ones the template wrote: the source URL.
        var links = document.Blocks.Descendants().OfType<Paragraph>().SelectMany(p => p.Content)
            .Concat(document.Footnotes.SelectMany(f => f.Blocks).OfType<Paragraph>().SelectMany(p => p.Content))
            .OfType<Link>().ToList();
        Assert.Equal(["https://example.org/report?a=1&b=2"], links.Select(l => l.Target).Distinct());
        Assert.DoesNotContain(document.Blocks.Descendants().OfType<Paragraph>().SelectMany(p => p.Content), i => i is Strong);
    }

    [Fact]
    public void PublicAudienceLeavesOutEveryInternalItem()
    {
        using var fixtures = new PackFixtures();
        var internalPack = Render(new VisitPackRequest(PackFixtures.HostileMeeting), fixtures.Records);
        var publicPack = Render(new VisitPackRequest(PackFixtures.HostileMeeting) { Audience = Audience.Public }, fixtures.Records);
        var internalText = AllText(internalPack.Document);
        var publicText = AllText(publicPack.Document);

        foreach (var marker in new[] { "INTERNAL-OUTCOME", "INTERNAL-STATEMENT", "INTERNAL-ANALYSIS", "INTERNAL-CONTEXT", "INTERNAL-SOURCE", "1 June 2023" })
        {
            Assert.Contains(marker, internalText);
            Assert.DoesNotContain(marker, publicText);
        }
        foreach (var marker in new[] { "PUBLIC-OUTCOME", "PUBLIC-STATEMENT", "PUBLIC-ANALYSIS", "PUBLIC-CONTEXT" })
            Assert.Contains(marker, publicText);
        Assert.Equal("PUBLIC", publicPack.Document.Metadata.Marking);
        Assert.Equal("public", publicPack.Document.Metadata.Audience);
        Assert.Equal("visit-2024-01-10-xi-hostile-public", publicPack.Name);
        Assert.DoesNotContain(publicPack.Records, r => r.Path.Contains("internal"));
    }

    [Fact]
    public void InternalMeetingCannotBeRenderedForThePublic()
    {
        using var fixtures = new PackFixtures();
        var e = Assert.Throws<PackException>(() => Render(new VisitPackRequest("2023-06-01-xi-lukashenko-internal") { Audience = Audience.Public }, fixtures.Records));
        Assert.Contains("internal", Assert.Single(e.Problems));
    }

    [Fact]
    public void BrokenTemplateIsReportedWithItsPosition()
    {
        using var folder = new TempFolder();
        var templates = folder.Copy(Repository.Templates, "templates");
        File.AppendAllText(Path.Combine(templates, "visit-brief.sbn"), "\n{{ if }}\n");
        var e = Assert.Throws<PackException>(() => new PackRenderer(SampleRecords.Value, templates, Today).Render(new VisitPackRequest("2023-12-04-xi-lukashenko")));
        Assert.Matches(@"^templates/visit-brief\.sbn:\d+:\d+: error TPL\d{3}: ", e.Problems[0]);
    }
}
