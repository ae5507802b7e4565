using System.Globalization;
using System.Text;

namespace Briefings.Bench;

/// <summary>
/// A deterministic, seeded generator of record sets shaped like the real ones: a home country (CHN) whose
/// leaders meet the leaders of K counterpart countries N times over a period — visits made and received, talks
/// on the sidelines of summits, calls — with statements, outcomes, analysis, context and sources of realistic
/// length. The same seed gives the same files, byte for byte; every set passes <c>briefings validate</c>.
/// </summary>
public static class SyntheticRecords
{
    private static readonly string[] Syllables =
        ["va", "lor", "den", "mar", "ti", "ka", "sol", "ber", "an", "ri", "gos", "tan", "el", "mo", "dra", "ne", "sha", "pol", "ur", "zi"];

    private static readonly string[] Regions =
        ["Central Asia", "Eastern Europe", "Southeast Asia", "Middle East", "West Africa", "South America", "Southern Africa", "Western Europe"];

    private static readonly string[] Topics =
        ["trade and investment", "energy cooperation", "infrastructure financing", "regional security", "people-to-people exchanges",
         "the Belt and Road Initiative", "agricultural exports", "climate and green development", "digital economy", "public health",
         "multilateral coordination", "customs and connectivity", "education and culture", "counter-terrorism", "space cooperation"];

    private static readonly string[] Words =
        ["cooperation", "partnership", "mutual", "trust", "development", "stability", "strategic", "practical", "long-term", "shared",
         "future", "both", "sides", "agreed", "deepen", "expand", "support", "each", "other", "core", "interests", "region", "projects",
         "investment", "trade", "friendship", "exchanges", "framework", "dialogue", "security", "growth", "joint", "efforts", "continue",
         "promote", "connectivity", "industrial", "parks", "energy", "finance", "channels", "high-level", "coordination", "international"];

    private static readonly (string Kind, string HostSide)[] Kinds =
    [
        ("state_visit", "guest"), ("state_visit", "host"), ("official_visit", "host"), ("working_visit", "guest"),
        ("official_working_visit", "host"), ("sidelines", "third"), ("sidelines", "third"), ("phone_call", "host"), ("bilateral_meeting", "host"),
    ];

    /// <summary>Writes the record folders (countries, people, meetings, events, sources) under <paramref name="folder"/>.</summary>
    /// <param name="today">Meetings after this date are planned, the others held.</param>
    public static void Generate(string folder, int meetings, int countries, DateOnly from, DateOnly to, int seed, DateOnly today)
    {
        var random = new Random(seed);
        foreach (var sub in new[] { "countries", "people", "meetings", "events", "sources" })
            Directory.CreateDirectory(Path.Combine(folder, sub));

        Write(folder, "countries/CHN.yaml", """
            code: CHN
            name: China
            full_name: People's Republic of China
            capital: Beijing
            region: East Asia
            cities:
              - name: Beijing
            """);
        Person(folder, "xi-jinping", "Xi Jinping", "CHN", "President of China", new DateOnly(2013, 3, 14));
        Person(folder, "wang-yi", "Wang Yi", "CHN", "Minister of Foreign Affairs of China", new DateOnly(2013, 3, 16));

        var codes = new List<(string Code, string Name, string Capital, string Leader, string Minister)>();
        var used = new HashSet<string> { "CHN" };
        for (var i = 0; i < countries; i++)
        {
            var name = Capitalise(Name(random, 2, 3));
            var code = CodeFor(name, used);
            var capital = Capitalise(Name(random, 2, 3)) + (random.Next(3) == 0 ? " City" : "");
            var leader = $"{Capitalise(Name(random, 2, 2))} {Capitalise(Name(random, 2, 3))}";
            var minister = $"{Capitalise(Name(random, 2, 2))} {Capitalise(Name(random, 2, 3))}";
            var established = new DateOnly(1950 + random.Next(60), 1 + random.Next(12), 1 + random.Next(28));
            var steps = new StringBuilder();
            var levels = new[] { "strategic_partnership", "comprehensive_strategic_partnership", "comprehensive_strategic_partnership_of_cooperation" };
            var year = Math.Max(established.Year + 5, 1995);
            for (var s = 0; s < 1 + random.Next(3) && year < from.Year; s++, year += 4 + random.Next(6))
                steps.Append(CultureInfo.InvariantCulture, $"      - level: {levels[s]}\n        since: {year}-0{1 + random.Next(9)}-1{random.Next(10)}\n");
            Write(folder, $"countries/{code}.yaml", $"""
                code: {code}
                name: {name}
                full_name: Republic of {name}
                capital: {capital}
                region: {Regions[random.Next(Regions.Length)]}
                memberships:
                  - {(random.Next(2) == 0 ? "SCO" : "BRICS")}
                cities:
                  - name: {capital}
                relations:
                  - with: CHN
                    established: {Iso(established)}
                {(steps.Length > 0 ? "    partnership:\n" + steps.ToString().TrimEnd('\n') : "")}
                """);
            var leaderId = Slug(leader);
            var ministerId = Slug(minister);
            Person(folder, leaderId, leader, code, $"President of {name}", new DateOnly(2000 + random.Next(20), 1 + random.Next(12), 1 + random.Next(28)));
            Person(folder, ministerId, minister, code, $"Minister of Foreign Affairs of {name}", new DateOnly(2010 + random.Next(10), 1 + random.Next(12), 1 + random.Next(28)));
            codes.Add((code, name, capital, leaderId, ministerId));
        }

        // A summit every month or so, hosted by one of the counterparts: the sidelines meetings take place there.
        var events = new List<(string Id, DateOnly Date, string Country, string City)>();
        for (var d = from; d <= to; d = d.AddDays(35 + random.Next(20)))
        {
            var host = codes[random.Next(codes.Count)];
            var id = $"summit-{Iso(d)}";
            events.Add((id, d, host.Code, host.Capital));
            Write(folder, $"events/{id}.yaml", $"""
                id: {id}
                name: {host.Name} summit {d.Year}
                kind: summit
                date: {Iso(d)}
                end_date: {Iso(d.AddDays(1))}
                place:
                  city: {host.Capital}
                  country: {host.Code}
                """);
        }

        var span = to.DayNumber - from.DayNumber + 1;
        for (var i = 0; i < meetings; i++)
        {
            var counterpart = codes[(int)((long)i * 7919 % codes.Count)];
            var date = DateOnly.FromDayNumber(from.DayNumber + (int)((long)i * span / Math.Max(1, meetings)));
            var (kind, hostSide) = Kinds[random.Next(Kinds.Length)];
            var ev = kind == "sidelines" && events.Count > 0 ? events[random.Next(events.Count)] : default;
            if (ev.Id is not null)
                date = ev.Date;
            var chinaHosts = hostSide == "host";
            var host = chinaHosts ? "CHN" : counterpart.Code;
            var guest = chinaHosts ? counterpart.Code : "CHN";
            var place = ev.Id is not null ? (ev.City, ev.Country) : chinaHosts ? ("Beijing", "CHN") : (counterpart.Capital, counterpart.Code);
            var ministers = random.Next(4) == 0;
            var homePerson = ministers ? "wang-yi" : "xi-jinping";
            var otherPerson = ministers ? counterpart.Minister : counterpart.Leader;
            var id = $"{Iso(date)}-{homePerson}-{counterpart.Code.ToLowerInvariant()}-{i}";
            var sourceId = $"wire-{id}";
            var held = date <= today;

            Write(folder, $"sources/{sourceId}.yaml", $"""
                id: {sourceId}
                outlet: {(random.Next(2) == 0 ? "Xinhua" : "Lianhe Zaobao")}
                title: {Capitalise(Sentence(random, 8, 12)).TrimEnd('.')}
                date: {Iso(date)}
                language: en
                """);

            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"""
                id: {id}
                date: {Iso(date)}
                status: {(held ? "held" : "planned")}
                kind: {kind}
                title: {Title(homePerson, otherPerson, counterpart.Name, kind)}
                host: {host}
                guest: {guest}
                place:
                  city: {place.Item1}
                  country: {place.Item2}
                """);
            text.Append('\n');
            if (ev.Id is not null)
                text.Append(CultureInfo.InvariantCulture, $"event: {ev.Id}\n");
            text.Append(CultureInfo.InvariantCulture, $"""
                participants:
                  - person: {homePerson}
                    side: {(chinaHosts ? "host" : "guest")}
                  - person: {otherPerson}
                    side: {(chinaHosts ? "guest" : "host")}
                topics:
                """);
            text.Append('\n');
            foreach (var topic in Topics.OrderBy(_ => random.Next()).Take(3 + random.Next(3)))
                text.Append(CultureInfo.InvariantCulture, $"  - {topic}\n");
            if (held)
            {
                text.Append("statements:\n");
                for (var s = 0; s < 3 + random.Next(5); s++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  - speaker: {(s % 2 == 0 ? homePerson : otherPerson)}\n    text: {Capitalise(Sentence(random, 18, 40))}\n");
                    if (random.Next(5) == 0)
                        text.Append("    quote: true\n");
                }
                text.Append("outcomes:\n");
                for (var o = 0; o < 1 + random.Next(3); o++)
                {
                    var outcome = o == 0 && random.Next(3) == 0 ? "documents_signed" : random.Next(2) == 0 ? "joint_statement" : "announcement";
                    text.Append(CultureInfo.InvariantCulture, $"  - kind: {outcome}\n    text: {Capitalise(Sentence(random, 10, 22))}\n");
                }
                text.Append("analysis:\n");
                for (var a = 0; a < 1 + random.Next(2); a++)
                    text.Append(CultureInfo.InvariantCulture, $"  - outlet: Lianhe Zaobao\n    text: {Capitalise(Sentence(random, 30, 60))}\n    handling: internal\n");
            }
            text.Append("context:\n");
            for (var c = 0; c < 1 + random.Next(3); c++)
                text.Append(CultureInfo.InvariantCulture, $"  - text: {Capitalise(Sentence(random, 25, 50))}\n");
            text.Append(CultureInfo.InvariantCulture, $"sources: [{sourceId}]\nhandling: public\n");
            Write(folder, $"meetings/{id}.yaml", text.ToString());
        }
    }

    private static string Title(string home, string other, string country, string kind) =>
        $"{(home == "xi-jinping" ? "Xi Jinping" : "Wang Yi")} {(kind is "phone_call" ? "speaks by phone with" : "meets")} {Capitalise(other.Replace('-', ' '))} of {country}";

    private static void Person(string folder, string id, string name, string country, string title, DateOnly from) =>
        Write(folder, $"people/{id}.yaml", $"""
            id: {id}
            name: {name}
            country: {country}
            roles:
              - title: {title}
                country: {country}
                from: {Iso(from)}
            """);

    private static void Write(string folder, string relative, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Where(l => l.Trim().Length > 0);
        File.WriteAllText(Path.Combine(folder, relative), string.Join("\n", lines) + "\n", new UTF8Encoding(false));
    }

    private static string Name(Random random, int min, int max)
    {
        var name = new StringBuilder();
        for (var i = 0; i < min + random.Next(max - min + 1); i++)
            name.Append(Syllables[random.Next(Syllables.Length)]);
        return name.ToString();
    }

    private static string Sentence(Random random, int min, int max)
    {
        var count = min + random.Next(max - min + 1);
        return string.Join(" ", Enumerable.Range(0, count).Select(_ => Words[random.Next(Words.Length)])) + ".";
    }

    private static string CodeFor(string name, HashSet<string> used)
    {
        var letters = new string(name.ToUpperInvariant().Where(char.IsAsciiLetterUpper).ToArray()).PadRight(3, 'X');
        var code = letters[..3];
        for (var n = 0; !used.Add(code); n++)
            code = $"{letters[0]}{(char)('A' + n / 26 % 26)}{(char)('A' + n % 26)}";
        return code;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
