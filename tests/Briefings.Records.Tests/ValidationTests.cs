using Briefings.Records;

namespace Briefings.Records.Tests;

/// <summary>Every validation rule, each with a failing case (exact code and position) and a passing one.</summary>
public sealed class ValidationTests : IDisposable
{
    private const string MeetingFile = "meetings/2023-12-04-xi-lukashenko.yaml";
    private readonly RecordFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_baseline_folder_is_clean()
    {
        var result = _folder.Load();
        Assert.Empty(result.Diagnostics);
        Assert.Single(result.Records.Meetings);
        Assert.Equal(2, result.Records.Countries.Count);
    }

    // ---- YAML syntax ----

    [Fact]
    public void Syntax_error_is_reported_with_position_and_other_files_are_still_checked()
    {
        _folder.Edit(MeetingFile, "title: Talks in Beijing", "title: Talks: in Beijing")
            .Edit("people/xi-jinping.yaml", "country: CHN", "country: CHX");
        var result = _folder.Load();

        var syntax = Single(result, DiagnosticCodes.Syntax);
        Assert.Equal(_folder.PathOf(MeetingFile), syntax.Path);
        Assert.Equal(5, syntax.Line);
        Assert.Equal(Severity.Error, syntax.Severity);
        // The broken meeting file did not stop the person file from being checked.
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownReference && d.Path.EndsWith("xi-jinping.yaml"));
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_occurrence()
    {
        _folder.Edit(MeetingFile, "status: held", "status: held\ntitle: Another title");
        var problem = Single(_folder.Load(), DiagnosticCodes.Syntax);
        Assert.Equal((6, 1), (problem.Line, problem.Column));
        Assert.Equal("YAML syntax error: key 'title' appears twice in the same mapping", problem.Message);
    }

    [Fact]
    public void Unclosed_list_is_reported_where_the_value_starts()
    {
        _folder.Edit(MeetingFile, "title: Talks in Beijing", "title: [Talks in Beijing");
        var problem = Single(_folder.Load(), DiagnosticCodes.Syntax);
        Assert.Equal((5, 8), (problem.Line, problem.Column));
    }

    [Fact]
    public void References_to_a_broken_file_are_not_reported_again()
    {
        _folder.Edit("sources/report.yaml", "outlet: Lianhe Zaobao", "outlet: [Lianhe Zaobao");
        var result = _folder.Load();
        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.Syntax, problem.Code);
        Assert.EndsWith("report.yaml", problem.Path);
    }

    [Fact]
    public void References_to_a_missing_file_are_still_reported()
    {
        File.Delete(_folder.PathOf("sources/report.yaml"));
        var diagnostics = _folder.Load().Diagnostics;
        // The event, the outcome, the statement, the context paragraph and the meeting each cite it.
        Assert.Equal(5, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.UnknownReference, d.Code));
    }

    [Fact]
    public void Quoted_text_with_a_colon_is_not_a_syntax_error()
    {
        _folder.Edit(MeetingFile, "title: Talks in Beijing", "title: \"Talks: in Beijing\"");
        var result = _folder.Load();
        Assert.Empty(result.Diagnostics);
        Assert.Equal("Talks: in Beijing", result.Records.Meetings["2023-12-04-xi-lukashenko"].Title);
    }

    // ---- unknown keys ----

    [Fact]
    public void Unknown_key_suggests_the_nearest_known_key()
    {
        _folder.Edit(MeetingFile, "  venue:", "  venu:").Edit(MeetingFile, "title:", "titel:");
        var result = _folder.Load();
        var problems = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnknownKey).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Equal((5, 1), (problems[0].Line, problems[0].Column));
        Assert.Contains("'titel'", problems[0].Message);
        Assert.Contains("did you mean 'title'?", problems[0].Message);
        Assert.Equal((11, 3), (problems[1].Line, problems[1].Column));
        Assert.Contains("did you mean 'venue'?", problems[1].Message);
    }

    [Fact]
    public void Known_optional_key_is_accepted()
    {
        _folder.Edit(MeetingFile, "status: held", "status: held\noccasion: Opening of the summit");
        var result = _folder.Load();
        Assert.Empty(result.Diagnostics);
        Assert.Equal("Opening of the summit", result.Records.Meetings["2023-12-04-xi-lukashenko"].Occasion);
    }

    // ---- missing required fields ----

    [Fact]
    public void Missing_required_field_is_reported_and_the_record_is_dropped()
    {
        _folder.Edit(MeetingFile, "title: Talks in Beijing\n", "");
        var result = _folder.Load();
        var missing = Single(result, DiagnosticCodes.MissingField);
        Assert.Equal((1, 1), (missing.Line, missing.Column));
        Assert.Equal("meeting is missing required field 'title'", missing.Message);
        Assert.Empty(result.Records.Meetings);
    }

    [Fact]
    public void Empty_required_list_is_reported_where_the_key_is()
    {
        _folder.Edit(MeetingFile, "\nsources: [report]\n", "\nsources: []\n");
        var missing = Single(_folder.Load(), DiagnosticCodes.MissingField);
        Assert.Contains("'sources'", missing.Message);
        Assert.Equal(38, missing.Line);
    }

    // ---- values of the wrong shape ----

    [Fact]
    public void Malformed_id_url_and_shapes_are_reported()
    {
        _folder.Edit(MeetingFile, "id: 2023-12-04-xi-lukashenko", "id: 2023 12 04 Xi")
            .Edit("sources/report.yaml", "https://example.org/report", "ftp//example.org")
            .Edit(MeetingFile, "title: Talks in Beijing", "title: [Talks, in, Beijing]");
        var problems = _folder.Load().Diagnostics.Where(d => d.Code == DiagnosticCodes.BadValue).ToList();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, d => d.Line == 1 && d.Column == 5 && d.Message.Contains("lower-case letters"));
        Assert.Contains(problems, d => d.Line == 5 && d.Message.Contains("must be text, not a list"));
        Assert.Contains(problems, d => d.Path.EndsWith("report.yaml") && d.Message.Contains("not an http(s) address"));
    }

    [Fact]
    public void Host_and_guest_must_differ()
    {
        _folder.Edit(MeetingFile, "guest: BLR", "guest: CHN");
        var problem = Single(_folder.Load(), DiagnosticCodes.BadValue);
        Assert.Equal((7, 8), (problem.Line, problem.Column));
    }

    [Fact]
    public void Outcome_levels_must_describe_an_upgrade()
    {
        _folder.Edit(MeetingFile, "from: comprehensive_strategic_partnership", "from: comprehensive_strategic_partnership_of_coordination_for_a_new_era");
        var problem = Single(_folder.Load(), DiagnosticCodes.BadValue);
        Assert.Contains("is not an upgrade", problem.Message);
        Assert.Equal(22, problem.Line);
    }

    [Fact]
    public void Upgrade_needs_a_target_level_and_other_outcomes_take_none()
    {
        _folder.Edit(MeetingFile, "    to: all_weather_comprehensive_strategic_partnership\n", "");
        Assert.Contains("'to'", Single(_folder.Load(), DiagnosticCodes.MissingField).Message);

        _folder.Edit(MeetingFile, "kind: partnership_upgrade", "kind: joint_statement");
        Assert.Contains("partnership_upgrade only", Single(_folder.Load(), DiagnosticCodes.BadValue).Message);
    }

    // ---- dates ----

    [Theory]
    [InlineData("2023-02-30", "is not a real date")]
    [InlineData("04/12/2023", "write YYYY-MM-DD")]
    [InlineData("2023-13-01", "is not a real date")]
    public void Impossible_or_misspelled_dates_are_reported(string date, string expected)
    {
        _folder.Edit(MeetingFile, "date: 2023-12-04", $"date: {date}");
        var problem = Single(_folder.Load(), DiagnosticCodes.BadDate);
        Assert.Equal((2, 7), (problem.Line, problem.Column));
        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void Leap_day_is_a_real_date()
    {
        _folder.Edit(MeetingFile, "date: 2023-12-04", "date: 2024-02-29");
        var result = _folder.Load();
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(new DateOnly(2024, 2, 29), result.Records.Meetings.Values.Single().Date);
    }

    [Fact]
    public void End_date_before_start_date_is_reported_at_the_end_date()
    {
        _folder.Edit("events/summit.yaml", "end_date: 2023-12-05", "end_date: 2023-11-30")
            .Edit("people/xi-jinping.yaml", "from: 2013-03-14", "from: 2013-03-14\n    to: 2012-01-01");
        var problems = _folder.Load().Diagnostics.Where(d => d.Code == DiagnosticCodes.DateOrder).ToList();
        Assert.Equal(2, problems.Count);
        var ev = problems.Single(d => d.Path.EndsWith("summit.yaml"));
        Assert.Equal((5, 11), (ev.Line, ev.Column));
        Assert.Equal("'end_date' 2023-11-30 in event is before 'date' 2023-12-01", ev.Message);
        Assert.Contains(problems, d => d.Path.EndsWith("xi-jinping.yaml") && d.Message.Contains("'to' 2012-01-01"));
    }

    [Fact]
    public void End_date_on_the_start_date_is_fine()
    {
        _folder.Edit("events/summit.yaml", "end_date: 2023-12-05", "end_date: 2023-12-01");
        Assert.Empty(_folder.Load().Diagnostics);
    }

    // ---- duplicate ids ----

    [Fact]
    public void Duplicate_id_points_back_at_the_first_definition()
    {
        _folder.Write("meetings/zz-copy.yaml", RecordFolder.Meeting);
        var result = _folder.Load();
        var duplicate = Single(result, DiagnosticCodes.DuplicateId);
        Assert.EndsWith("zz-copy.yaml", duplicate.Path);
        Assert.Equal((1, 5), (duplicate.Line, duplicate.Column));
        Assert.Contains($"first defined at {_folder.PathOf(MeetingFile)}:1:5", duplicate.Message);
        Assert.Single(result.Records.Meetings);
    }

    [Fact]
    public void Distinct_ids_are_both_loaded()
    {
        _folder.Write("meetings/2023-12-05-xi-lukashenko.yaml",
            RecordFolder.Meeting.Replace("2023-12-04-xi-lukashenko", "2023-12-05-xi-lukashenko"));
        var result = _folder.Load();
        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Records.Meetings.Count);
    }

    // ---- references ----

    [Fact]
    public void Unknown_country_code_suggests_the_nearest_code_with_its_name()
    {
        _folder.Edit(MeetingFile, "guest: BLR", "guest: BLS");
        var problem = Single(_folder.Load(), DiagnosticCodes.UnknownReference);
        Assert.Equal((7, 8), (problem.Line, problem.Column));
        Assert.Equal("unknown country 'BLS' in meeting: did you mean 'BLR' (Belarus)?", problem.Message);
        Assert.Equal($"{_folder.PathOf(MeetingFile)}:7:8: error REC009: unknown country 'BLS' in meeting: did you mean 'BLR' (Belarus)?", problem.ToString());
    }

    [Fact]
    public void Country_name_or_alias_instead_of_code_suggests_the_code()
    {
        _folder.Edit(MeetingFile, "guest: BLR", "guest: White Ros");
        Assert.EndsWith("did you mean 'BLR' (Belarus)?", Single(_folder.Load(), DiagnosticCodes.UnknownReference).Message);
    }

    [Fact]
    public void Unknown_person_source_and_event_get_suggestions()
    {
        _folder.Edit(MeetingFile, "  - person: xi-jinping", "  - person: xi-jinpin")
            .Edit(MeetingFile, "speaker: alexander-lukashenko", "speaker: Lukashenke")
            .Edit(MeetingFile, "\nsources: [report]\n", "\nsources: [reprot]\n")
            .Edit(MeetingFile, "event: summit", "event: sumit");
        var problems = _folder.Load().Diagnostics.Where(d => d.Code == DiagnosticCodes.UnknownReference).ToList();
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, d => d.Line == 14 && d.Message == "unknown person 'xi-jinpin' in participant: did you mean 'xi-jinping' (Xi Jinping)?");
        Assert.Contains(problems, d => d.Line == 25 && d.Message == "unknown person 'Lukashenke' in statement: did you mean 'alexander-lukashenko' (Alexander Lukashenko)?");
        Assert.Contains(problems, d => d.Line == 38 && d.Message == "unknown source 'reprot' in meeting: did you mean 'report'?");
        Assert.Contains(problems, d => d.Line == 12 && d.Message == "unknown event 'sumit' in meeting: did you mean 'summit' (Example summit)?");
    }

    [Fact]
    public void Reference_with_nothing_close_gets_no_suggestion()
    {
        _folder.Edit(MeetingFile, "guest: BLR", "guest: ZZZ");
        Assert.Equal("unknown country 'ZZZ' in meeting", Single(_folder.Load(), DiagnosticCodes.UnknownReference).Message);
    }

    // ---- controlled lists ----

    [Theory]
    [InlineData("kind: working_visit", "kind: work_visit", "did you mean 'working_visit'?")]
    [InlineData("status: held", "status: hold", "did you mean 'held'?")]
    [InlineData("to: all_weather_comprehensive_strategic_partnership", "to: all_weather_comprehensive_strategic_partnershp", "did you mean 'all_weather_comprehensive_strategic_partnership'?")]
    [InlineData("handling: internal", "handling: secret", "expected one of public, internal")]
    [InlineData("side: guest", "side: visitor", "expected one of host, guest")]
    public void Values_outside_controlled_lists_are_reported(string valid, string invalid, string expected)
    {
        _folder.Edit(MeetingFile, valid, invalid);
        var problem = Single(_folder.Load(), DiagnosticCodes.NotInList);
        Assert.Contains(expected, problem.Message);
    }

    [Theory]
    [InlineData("kind: working_visit", "kind: official_working_visit")]
    [InlineData("status: held", "status: planned")]
    [InlineData("from: comprehensive_strategic_partnership", "from: friendly_cooperative_partnership")]
    [InlineData("handling: internal", "handling: public")]
    public void Values_inside_controlled_lists_are_accepted(string valid, string other)
    {
        _folder.Edit(MeetingFile, valid, other);
        Assert.Empty(_folder.Load().Diagnostics);
    }

    [Fact]
    public void Partnership_level_in_a_country_history_is_checked()
    {
        _folder.Edit("countries/BLR.yaml", "level: comprehensive_strategic_partnership", "level: best_friends");
        var problem = Single(_folder.Load(), DiagnosticCodes.NotInList);
        Assert.Contains("not a valid partnership level", problem.Message);
    }

    // ---- role coverage ----

    [Fact]
    public void Participant_without_a_role_on_the_meeting_date_is_a_warning()
    {
        _folder.Edit(MeetingFile, "date: 2023-12-04", "date: 2010-12-04");
        var result = _folder.Load();
        var warning = Single(result, DiagnosticCodes.RoleNotCovered);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal((14, 13), (warning.Line, warning.Column));
        Assert.Contains("Xi Jinping has no recorded role on 2010-12-04", warning.Message);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Participant_whose_role_covers_the_date_gives_no_warning()
    {
        _folder.Edit(MeetingFile, "date: 2023-12-04", "date: 2022-09-15");
        Assert.Empty(_folder.Load().Diagnostics);
    }

    // ---- consistency of a meeting with the rest of the records ----

    [Fact]
    public void Speaker_who_is_not_at_the_meeting_is_a_warning()
    {
        _folder.Write("people/someone-else.yaml", """
            id: someone-else
            name: Someone Else
            country: BLR
            """)
            .Edit(MeetingFile, "speaker: alexander-lukashenko", "speaker: someone-else");
        var warning = Single(_folder.Load(), DiagnosticCodes.SpeakerNotPresent);
        Assert.Equal((Severity.Warning, 25, 14), (warning.Severity, warning.Line, warning.Column));
        Assert.Contains("Someone Else ('someone-else') speaks but is not a participant", warning.Message);
    }

    [Fact]
    public void Participant_on_the_wrong_side_is_a_warning()
    {
        _folder.Edit(MeetingFile, "    side: host", "    side: guest");
        var warning = Single(_folder.Load(), DiagnosticCodes.SideMismatch);
        Assert.Equal((Severity.Warning, 14, 13), (warning.Severity, warning.Line, warning.Column));
        Assert.Equal("Xi Jinping serves CHN but is on the guest side, which is BLR", warning.Message);
    }

    [Fact]
    public void Upgrade_missing_from_the_partnership_history_is_a_warning()
    {
        _folder.Edit(MeetingFile, "to: all_weather_comprehensive_strategic_partnership", "to: comprehensive_strategic_partnership_of_cooperation");
        var warning = Single(_folder.Load(), DiagnosticCodes.PartnershipMismatch);
        Assert.Equal((Severity.Warning, 22, 9), (warning.Severity, warning.Line, warning.Column));
        Assert.Contains("has 'all_weather_comprehensive_strategic_partnership' on 2023-12-04", warning.Message);
    }

    [Fact]
    public void Upgrade_at_a_planned_meeting_is_not_compared_with_the_history()
    {
        _folder.Edit(MeetingFile, "to: all_weather_comprehensive_strategic_partnership", "to: comprehensive_strategic_partnership_of_cooperation")
            .Edit(MeetingFile, "status: held", "status: planned");
        Assert.Empty(_folder.Load().Diagnostics);
    }

    [Fact]
    public void Relation_recorded_in_both_countries_is_a_warning()
    {
        _folder.Edit("countries/CHN.yaml", "capital: Beijing", "capital: Beijing\nrelations:\n  - with: BLR\n    established: 1992-01-20");
        var warning = Single(_folder.Load(), DiagnosticCodes.RelationTwice);
        Assert.EndsWith("CHN.yaml", warning.Path);
        Assert.Contains("relations between BLR and CHN are recorded in both countries' files", warning.Message);
    }

    [Fact]
    public void Relation_recorded_once_gives_no_warning()
    {
        // The same relation, kept in China's file instead of Belarus's.
        var relations = RecordFolder.Belarus[RecordFolder.Belarus.IndexOf("relations:", StringComparison.Ordinal)..];
        _folder.Write("countries/BLR.yaml", RecordFolder.Belarus.Replace(relations, ""))
            .Write("countries/CHN.yaml", RecordFolder.China + "\n" + relations.Replace("with: CHN", "with: BLR"));
        var result = _folder.Load();
        Assert.Empty(result.Diagnostics);
        Assert.Equal(PartnershipLevel.AllWeatherComprehensiveStrategicPartnership,
            result.Records.PartnershipLevelOn("BLR", "CHN", new DateOnly(2023, 12, 4)));
    }

    // ---- shared names ----

    [Fact]
    public void Alias_shared_by_two_people_is_reported_and_never_guessed()
    {
        _folder.Write("people/someone-else.yaml", """
            id: someone-else
            name: Someone Else
            aliases: [Luka Shenke]
            country: BLR
            """);
        var result = _folder.Load();
        var warning = Single(result, DiagnosticCodes.AmbiguousName);
        Assert.Contains("alexander-lukashenko, someone-else", warning.Message);
        var resolution = result.Records.ResolvePerson("lukashenke");
        Assert.True(resolution.IsAmbiguous);
        Assert.False(resolution.IsResolved);
        Assert.Throws<InvalidOperationException>(() => resolution.Value);
    }

    [Fact]
    public void Distinct_aliases_give_no_warning()
    {
        _folder.Write("people/someone-else.yaml", """
            id: someone-else
            name: Someone Else
            aliases: [Somebody]
            country: BLR
            """);
        Assert.Empty(_folder.Load().Diagnostics);
    }

    // ---- files and folders ----

    [Fact]
    public void File_name_that_does_not_match_the_id_is_a_warning()
    {
        File.Move(_folder.PathOf(MeetingFile), _folder.PathOf("meetings/talks.yaml"));
        var warning = Single(_folder.Load(), DiagnosticCodes.FileNameMismatch);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("'talks'", warning.Message);
    }

    [Fact]
    public void Missing_folder_is_reported()
    {
        var result = RecordLoader.Load(_folder.PathOf("nowhere"));
        Assert.Equal(DiagnosticCodes.MissingFolder, Assert.Single(result.Diagnostics).Code);

        Directory.Delete(_folder.PathOf("meetings"), recursive: true);
        var partial = _folder.Load();
        var missing = Single(partial, DiagnosticCodes.MissingFolder);
        Assert.Contains("'meetings'", missing.Message);
        Assert.Equal(2, partial.Records.Countries.Count);
    }

    [Fact]
    public void Unreadable_file_is_reported_and_the_rest_still_load()
    {
        File.CreateSymbolicLink(_folder.PathOf("meetings/broken.yaml"), _folder.PathOf("no-such-target.yaml"));
        var result = _folder.Load();
        var problem = Single(result, DiagnosticCodes.Unreadable);
        Assert.EndsWith("broken.yaml", problem.Path);
        Assert.Single(result.Records.Meetings);
    }

    [Fact]
    public void File_that_is_not_a_mapping_is_reported()
    {
        _folder.Write("meetings/list.yaml", "- just\n- a list");
        var problem = Single(_folder.Load(), DiagnosticCodes.BadValue);
        Assert.Contains("mapping of keys to values", problem.Message);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_run()
    {
        _folder.Edit(MeetingFile, "kind: working_visit", "kind: work_visit")
            .Edit(MeetingFile, "date: 2023-12-04", "date: 2023-12-40")
            .Edit(MeetingFile, "guest: BLR", "guest: BLS")
            .Edit("countries/BLR.yaml", "capital:", "capitol:");
        var codes = _folder.Load().Diagnostics.Select(d => d.Code).ToList();
        Assert.Equal([DiagnosticCodes.UnknownKey, DiagnosticCodes.BadDate, DiagnosticCodes.NotInList, DiagnosticCodes.UnknownReference], codes);
    }

    [Fact]
    public void Paths_keep_the_folder_as_given()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, _folder.Root);
        _folder.Edit(MeetingFile, "guest: BLR", "guest: BLS");
        var problem = Single(RecordLoader.Load(relative), DiagnosticCodes.UnknownReference);
        Assert.Equal(Path.Join(relative, "meetings", "2023-12-04-xi-lukashenko.yaml"), problem.Path);
        Assert.False(Path.IsPathRooted(problem.Path));
    }

    private static Diagnostic Single(LoadResult result, string code)
    {
        var matching = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1,
            $"expected one {code}, got:\n{string.Join("\n", result.Diagnostics)}");
        return matching[0];
    }
}

/// <summary>Malformed input of every kind gives diagnostics, never an exception.</summary>
public sealed class MalformedInputTests : IDisposable
{
    private readonly RecordFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("id: x\n\ttitle: tab")]
    [InlineData("id: [a, b\ntitle: {c: d")]
    [InlineData("id: *nowhere")]
    [InlineData("base: &b {id: x}\n<<: *b")]
    [InlineData("? [complex, key]\n: value")]
    [InlineData("id: x\n---\nid: y")]
    [InlineData("\"unterminated")]
    [InlineData("- a\n b: c")]
    [InlineData("")]
    [InlineData("# only a comment")]
    [InlineData("just text")]
    [InlineData("participants: {person: 1}\nid: 2023-01-01-a\ndate: 2023-01-01\nstatus: held\nkind: sidelines\ntitle: t\nhost: CHN\nguest: BLR\nplace: Beijing\nsources: [report]")]
    public void Malformed_meeting_files_give_errors_not_exceptions(string content)
    {
        _folder.Write("meetings/broken.yaml", content);
        var result = _folder.Load();
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error && d.Path.EndsWith("broken.yaml"));
        Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1));
        // The valid records beside the broken file are all still there.
        Assert.Contains("2023-12-04-xi-lukashenko", result.Records.Meetings.Keys);
    }

    [Fact]
    public void A_city_may_carry_its_coordinates_and_a_bad_or_lone_coordinate_is_an_error_at_its_value()
    {
        _folder.Edit("countries/CHN.yaml", "    aliases: [Peking]", "    aliases: [Peking]\n    latitude: 39.91\n    longitude: 116.4");
        var good = _folder.Load();
        Assert.False(good.HasErrors, string.Join("\n", good.Diagnostics));
        Assert.Equal(new GeoPoint(39.91, 116.4), good.Records.Countries["CHN"].Cities.Single().Location);

        // Out of range, and a latitude without its longitude: both reported, each at its value (line 8 and 9 of the file).
        _folder.Edit("countries/CHN.yaml", "    longitude: 116.4", "    longitud: 116.4");
        _folder.Edit("countries/CHN.yaml", "    latitude: 39.91", "    latitude: 139.91");
        var result = _folder.Load();
        var range = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.BadValue);
        Assert.Equal(_folder.PathOf("countries/CHN.yaml"), range.Path);
        Assert.Equal((8, 15), (range.Line, range.Column));
        Assert.Contains("'latitude' in city must be a number from -90 to 90, not '139.91'", range.Message);
        var lone = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.MissingField);
        Assert.Equal((8, 15), (lone.Line, lone.Column));
        Assert.Contains("needs its 'longitude' too", lone.Message);
        // The misspelt key is an unknown field, with the known one suggested.
        Assert.Contains(result.Diagnostics, d => d.Line == 9 && d.Message.Contains("longitud", StringComparison.Ordinal) && d.Message.Contains("longitude", StringComparison.Ordinal));
    }

    [Fact]
    public void Random_bytes_give_errors_not_exceptions()
    {
        var random = new Random(20231204);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            File.WriteAllBytes(_folder.PathOf("meetings/noise.yaml"), bytes);
            var result = _folder.Load();
            Assert.Contains("2023-12-04-xi-lukashenko", result.Records.Meetings.Keys);
        }
    }

    [Fact]
    public void Mutated_valid_records_give_errors_not_exceptions()
    {
        var random = new Random(42);
        const string punctuation = ":-[]{}\"'#&*!|>%@`, \n\t";
        for (var i = 0; i < 300; i++)
        {
            var text = RecordFolder.Meeting.ToCharArray();
            for (var edits = 0; edits < 3; edits++)
                text[random.Next(text.Length)] = punctuation[random.Next(punctuation.Length)];
            File.WriteAllText(_folder.PathOf("meetings/2023-12-04-xi-lukashenko.yaml"), new string(text));
            var result = _folder.Load();
            Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
        }
    }
}
