using Briefings.Documents;

namespace Briefings.Pdf.Tests;

/// <summary>
/// Realistic documents in the shape of a visit brief, built in code (the pack templates produce the same
/// tree). Shared with the benchmark.
/// </summary>
public static class SampleBriefs
{
    public static Inline T(string text) => new Briefings.Documents.Text(text);
    public static Paragraph P(params Inline[] content) => new(content);
    public static Heading H(int level, string id, string text) => new(level, id, [T(text)]);
    public static ListItem Item(params Block[] blocks) => new(blocks);
    public static TableRow Row(params string[] cells) => new(cells.Select(c => new TableCell([T(c)])).ToList());

    public static DocumentMetadata Metadata(string title = "Visit brief: Alexander Lukashenko in Beijing") => new()
    {
        Title = title,
        Subtitle = "Meeting with Xi Jinping, Great Hall of the People, 4 December 2023",
        Date = new DateOnly(2023, 12, 4),
        Marking = "OFFICIAL — INTERNAL USE ONLY",
        Language = "en-GB",
        Audience = "internal",
        Author = "Eurasia Desk",
        Subject = "China–Belarus leader diplomacy",
        Keywords = ["Belarus", "China", "Lukashenko", "Xi Jinping"],
        CoverFields =
        [
            new("Meeting", "4 December 2023, Beijing"),
            new("Venue", "Great Hall of the People"),
            new("Participants", "Xi Jinping; Alexander Lukashenko (Лукашенко)"),
            new("Kind", "Official working visit"),
        ],
    };

    /// <summary>A visit brief of about a dozen pages: every block type, footnotes, links, and a table spanning pages.</summary>
    public static Document VisitBrief(int tableRows = 30, int sections = 4, bool withChinese = false)
    {
        var blocks = new List<Block>
        {
            new TableOfContents("Contents", 2),
            new PageBreak(),
            H(1, "summary", "Summary"),
            P(T("President "), new Strong([T("Alexander Lukashenko")]), T(" (Александр Лукашенко) met "), new Strong([T("Xi Jinping")]),
              T(withChinese ? " (习近平 in the original record)" : ""),
              T(" in Beijing on 4 December 2023, his second visit to China that year, nine months after the state visit of 1 March 2023."),
              new FootnoteReference(1), T(" Both sides spoke of an "), new Emphasis([T("all-weather comprehensive strategic partnership")]),
              T(" and of co-operation under the Belt and Road Initiative. See "), new Link("#background", [T("Background")]),
              T(" and the "), new Link("https://www.mfa.gov.cn/eng/", [T("ministry's statement")]), T(".")),
            new Callout("talking-points", "Talking points",
            [
                new ListBlock(false, 1,
                [
                    Item(P(T("Welcome the continuity of high-level contact since the March state visit."))),
                    Item(P(T("Note progress on the Great Stone industrial park and on agricultural exports.")),
                        new ListBlock(false, 1,
                        [
                            Item(P(T("Dairy and beef certification: twelve new enterprises listed."))),
                            Item(P(T("Potash logistics through Russian ports."))),
                        ])),
                    Item(P(T("Avoid comment on the "), new Code("SCO-2024"), T(" accession timetable."))),
                ]),
            ]),
            new DefinitionList(
            [
                new(new[] { T("Date") }, [P(T("4 December 2023"))]),
                new(new[] { T("Venue") }, [P(T("Great Hall of the People, Beijing"))]),
                new(new[] { T("Kind") }, [P(T("Official working visit"))]),
                new(new[] { T("Also present") }, [P(T("Wang Yi; Cai Qi; Sergei Aleinik (Belarusian foreign minister)"))]),
            ]),
        };

        for (int s = 1; s <= sections; s++)
        {
            blocks.Add(H(1, $"section-{s}", s == 1 ? "Background" : $"Section {s}: relations in context"));
            if (s == 1)
                blocks[^1] = H(1, "background", "Background");
            blocks.Add(P(T("Relations were upgraded in 2022. Lukashenko has visited China more than a dozen times since 1995; the visits of Gusmão, Assad and Tokayev in the same period show the breadth of the summit calendar."),
                new FootnoteReference(2)));
            for (int k = 0; k < 4; k++)
                blocks.Add(P(T(Prose(s * 7 + k))));
            blocks.Add(H(2, $"section-{s}-quote", "What was said"));
            blocks.Add(new Quote([P(T("China and Belarus are good friends and good partners who trust each other. We will keep supporting each other on issues concerning our core interests."))],
                [T("Xi Jinping, 4 December 2023")]));
            blocks.Add(H(2, $"section-{s}-outcomes", "Outcomes"));
            blocks.Add(new ListBlock(true, 1,
            [
                Item(P(T("Joint statement on deepening the all-weather comprehensive strategic partnership."))),
                Item(P(T("Agreement on visa-free travel for ordinary passport holders (in force 2024)."))),
                Item(P(T("Memoranda on customs, agriculture and science; three documents signed in total."))),
            ]));
            for (int k = 0; k < 3; k++)
                blocks.Add(P(T(Prose(s * 11 + k))));
            blocks.Add(new Rule());
        }

        blocks.Add(H(1, "timeline", "Meeting timeline"));
        blocks.Add(P(T("Leader-level contacts between China and Belarus, most recent last.")));
        blocks.Add(Timeline(tableRows));
        blocks.Add(H(1, "sources", "Sources and notes"));
        blocks.Add(P(T("Machine-translated wire reports; names normalised (Beloel, Bioloss and White Ros all denote Belarus).")));

        var footnotes = new List<Footnote>
        {
            new(1, "march", [P(T("Xinhua, \"Xi Jinping holds talks with Belarusian President Lukashenko\", 1 March 2023."))]),
            new(2, "upgrade", [P(T("Joint statement of 15 September 2022, Samarkand, on the sidelines of the SCO summit."))]),
        };
        return new Document(Metadata(), blocks, footnotes);
    }

    public static Table Timeline(int rows) => new(
        [new TableColumn(ColumnAlignment.Left, 1.2), new TableColumn(ColumnAlignment.Left, 2.2), new TableColumn(ColumnAlignment.Left, 3), new TableColumn(ColumnAlignment.Right, 1)],
        [Row("Date", "Place", "Occasion", "Documents")],
        Enumerable.Range(1, rows).Select(i => Row(
            new DateOnly(2013, 1, 1).AddDays(i * 29).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            (i % 3) switch { 0 => "Beijing, Diaoyutai State Guesthouse", 1 => "Hangzhou, West Lake State Guesthouse", _ => "Minsk" },
            (i % 4) switch { 0 => "State visit", 1 => "Talks on the sidelines of the SCO summit, Samarkand", 2 => "Official working visit", _ => "Phone call" },
            (i % 5).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList());

    private static readonly string[] Sentences =
    [
        "The two leaders reviewed trade, which has grown steadily since the sanctions of 2020 redirected Belarusian exports eastwards.",
        "Officials described the talks as frank and substantive, a phrase the ministry reserves for meetings with close partners.",
        "Belarus sees China as a counterweight that lets Minsk diversify away from its dependence on Moscow without antagonising it.",
        "Beijing, for its part, values Minsk as a logistics hub on the rail corridor to the European Union and as a reliable vote in multilateral fora.",
        "Analysts at several outlets noted that the visit came only weeks after Lukashenko met Vladimir Putin, and read the timing as deliberate.",
        "The readout mentioned the Global Security Initiative and the Global Development Initiative, both of which Belarus has endorsed.",
        "Earlier translations render the country variously as Beloel, Bioloss or White Ros; the records keep one canonical identifier.",
        "Visa-free travel, agreed in principle in September, is expected to lift tourism and student exchanges in both directions.",
    ];

    public static string Prose(int seed)
    {
        var parts = new List<string>();
        for (int i = 0; i < 5; i++)
            parts.Add(Sentences[(seed * 3 + i * 5) % Sentences.Length]);
        return string.Join(" ", parts);
    }
}
