using Briefings.Documents;

namespace Briefings.Docx.Tests;

/// <summary>Realistic briefing documents built in code, plus edge cases the writer must survive.</summary>
internal static class SampleDocuments
{
    public static Text T(string value) => new(value);
    public static Paragraph P(params Inline[] content) => new(content);
    public static Heading H(int level, string id, params Inline[] content) => new(level, id, content);
    public static ListItem Item(params Block[] blocks) => new(blocks);
    public static ListBlock Bullets(params ListItem[] items) => new(false, 1, items);
    public static ListBlock Numbered(int start, params ListItem[] items) => new(true, start, items);
    public static FootnoteReference Note(int number) => new(number);
    public static Footnote Footnote(int number, string text) => new(number, $"n{number}", [P(T(text))]);
    public static TableRow Row(params string[] cells) => new(cells.Select(c => new TableCell([T(c)])).ToList());

    public static readonly DateOnly AsOf = new(2023, 12, 4);

    /// <summary>A pre-visit brief for Lukashenko's December 2023 visit to Beijing, using every block type.</summary>
    public static Document VisitBrief() => new(
        new DocumentMetadata
        {
            Title = "Lukashenko in Beijing",
            Subtitle = "Pre-visit brief: official visit, 4 December 2023",
            Date = AsOf,
            Marking = "OFFICIAL — INTERNAL USE ONLY",
            Language = "en-GB",
            Audience = "internal",
            Author = "East Asia Desk",
            Subject = "Belarus–China relations",
            Keywords = ["Belarus", "China", "SCO", "Лукашенко", "习近平"],
            CoverFields =
            [
                new("Meeting", "4 December 2023, Beijing"),
                new("Venue", "Diaoyutai State Guesthouse"),
                new("Principals", "Xi Jinping (习近平), Alexander Lukashenko (Лукашенко)"),
            ],
        },
        [
            new TableOfContents("Contents", 3),
            H(1, "summary", T("Summary")),
            P(T("President "), new Strong([T("Alexander Lukashenko")]), T(" (Лукашенко) meets "),
              new Emphasis([T("Xi Jinping")]), T(" (习近平) for the second time this year"), Note(1),
              T(". See "), new Link("#history", [T("previous meetings")]), T(" and the "),
              new Link("https://www.fmprc.gov.cn/eng/", [T("ministry's readout")]), T(".")),
            new Callout("talking-points", "Talking points",
            [
                Bullets(
                    Item(P(T("Welcome the all-weather comprehensive strategic partnership."))),
                    Item(P(T("Note progress on the "), new Code("Great Stone"), T(" industrial park.")))),
            ]),
            H(2, "history", T("Previous meetings")),
            new Table(
                [new TableColumn(ColumnAlignment.Left, 2), new TableColumn(ColumnAlignment.Left, 5), new TableColumn(ColumnAlignment.Right, 1.5)],
                [Row("Date", "Meeting", "Documents")],
                [
                    Row("1 March 2023", "State visit, Beijing", "16"),
                    Row("15 September 2022", "SCO summit, Samarkand", "1"),
                    new TableRow([new TableCell([T("22 September 2023")]), new TableCell([T("Asian Games, Hangzhou"), Note(2)]), new TableCell([])]),
                    Row("4 December 2023", "Official visit, Beijing", "3"),
                ]),
            H(2, "outcomes", T("Expected outcomes")),
            Numbered(1,
                Item(P(T("Joint statement on deepening the partnership")),
                    Bullets(
                        Item(P(T("trade and investment")),
                            Numbered(1, Item(P(T("logistics corridors"))), Item(P(T("agricultural exports"))))),
                        Item(P(T("education and culture"))))),
                Item(P(T("Memoranda on customs cooperation")), P(T("Drafts exchanged in November.")))),
            new Quote([P(T("China and Belarus are all-weather friends."))], [T("Xi Jinping, 4 December 2023")]),
            H(3, "people", T("People with "), new Link("https://en.wikipedia.org/wiki/Xanana_Gusm%C3%A3o", [T("Gusmão")]), T(" at the Games")),
            new DefinitionList(
            [
                new DefinitionItem([T("Host")], [P(T("Xi Jinping, President of the People's Republic of China"))]),
                new DefinitionItem([T("Guest")], [P(T("Alexander Lukashenko, President of the Republic of Belarus"), Note(3))]),
            ]),
            new Rule(),
            new PageBreak(),
            H(1, "annex", T("Annex: numbering restarts")),
            Numbered(3, Item(P(T("third"))), Item(P(T("fourth")))),
            P(T("Repeated citation"), Note(1), T(".")),
        ],
        [
            Footnote(1, "Xinhua, \"Xi Jinping holds talks with Lukashenko\", 1 March 2023."),
            Footnote(2, "CGTN, \"Xi meets Timor-Leste PM Gusmão in Hangzhou\", 23 September 2023."),
            new Footnote(3, "n3", [P(T("Belta, 4 December 2023. "), new Link("https://www.belta.by/", [T("belta.by")]))]),
        ]);

    /// <summary>Edge cases: empty cells, lists three deep, a note inside a table cell, a heading with a link, no cover fields.</summary>
    public static Document EdgeCases() => new(
        new DocumentMetadata { Title = "Edge cases", Language = "en" },
        [
            H(1, "a-heading-with-a-very-long-identifier-that-exceeds-forty-characters", T("Heading with a "), new Link("https://example.org/", [T("link")])),
            H(2, "dup-1", T("Second")),
            H(2, "dup_1", T("Third: folds to the same bookmark")),
            Bullets(Item(P(T("one")), Bullets(Item(P(T("two")), Bullets(Item(P(T("three")))))))),
            Bullets(Item(), Item(Bullets(Item(P(T("nested first")))))),
            new Table([new TableColumn(ColumnAlignment.Center, 0), new TableColumn(ColumnAlignment.Left, 0)],
                [],
                [new TableRow([new TableCell([]), new TableCell([T("note in a cell"), Note(1)])]), new TableRow([new TableCell([])])]),
            new Table([new TableColumn(ColumnAlignment.Left, 1)], [Row("Only header")], []),
            new Callout("note", null, []),
            new Quote([P(T("unattributed"))], null),
            new Quote([P(T("self-dashed"))], [T("— Wang Yi")]),
            P(T("line one"), new LineBreak(), T("line two\ttabbed\nnewline")),
            P(new Strong([new Emphasis([new Code("x"), new Link("#dup-1", [new Code("code link")])])])),
            new Callout("note", "Outer box",
            [
                P(T("A call-out holding a table and another call-out.")),
                new Table([new TableColumn(ColumnAlignment.Left, 1), new TableColumn(ColumnAlignment.Right, 1.5)], [Row("Inner", "Table")], [Row("a", "b")]),
                new Callout("warning", "Inner box", [P(T("nested call-out"))]),
            ]),
            Numbered(1, Item(P(T("item with a table")), new Table([new TableColumn(ColumnAlignment.Left, 1)], [Row("In a list")], [Row("x")]))),
            new TableOfContents("", 2),
        ],
        [Footnote(1, "A note from a table cell.")]);

    /// <summary>
    /// Call-outs as the templates write them and beyond: two of one kind and one of another in a row, one
    /// without a title holding a nested and a numbered list and a second paragraph in an item, one inside a
    /// list item, and one too long for a page.
    /// </summary>
    public static Document Callouts() => new(
        new DocumentMetadata { Title = "Call-outs", Language = "en" },
        [
            H(1, "messages", T("Messages")),
            new Callout("points", "Key messages",
            [
                P(T("As delivered by China at this meeting:")),
                P(new Strong([T("Trade")])),
                Bullets(Item(P(T("first message, long enough to wrap onto a second line in the box at the body's width and type size"))),
                    Item(P(T("second message")))),
            ]),
            new Callout("points", "Points to make", [Bullets(Item(P(T("a point to make"))))]),
            new Callout("warning", "Caution", [P(T("handle with care"))]),
            P(T("Between the boxes.")),
            new Callout("agenda", null,
            [
                Numbered(1, Item(P(T("numbered one")), P(T("its second paragraph"))),
                    Item(P(T("numbered two")), Bullets(Item(P(T("nested bullet")))))),
            ]),
            Bullets(Item(P(T("item holding a call-out")), new Callout("points", "In a list", [P(T("boxed in a list"))]))),
            new Callout("points", "Long", [Bullets([.. Enumerable.Range(1, 80).Select(i => Item(P(T($"long point {i}: " + string.Concat(Enumerable.Repeat("words to fill the line ", 8))))))])]),
        ],
        []);

    /// <summary>The smallest document: a title and nothing else.</summary>
    public static Document Empty() => new(new DocumentMetadata { Title = "Empty" }, [], []);

    public static IEnumerable<object[]> All() =>
    [
        ["visit brief", VisitBrief()],
        ["edge cases", EdgeCases()],
        ["empty", Empty()],
        ["call-outs", Callouts()],
    ];
}
