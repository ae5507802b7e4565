using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Briefings.Records;

namespace Briefings.Packs;

/// <summary>
/// A fingerprint of everything in a record set that decides <em>which</em> records a pack reads: the files there
/// are, and for each meeting its dates, status, kind, sides, place, event, people, sources and handling; for each
/// person the country and role dates; for each source its date and handling. A pack lists the files it read with
/// their hashes, which covers edits to what it read; this covers edits elsewhere that would change what it reads
/// (a meeting moved to another country, a source re-dated across the as-of date, a file added).
/// </summary>
internal static class RecordShape
{
    public static string Fingerprint(RecordSet records)
    {
        var text = new StringBuilder();
        void Line(params object?[] parts)
        {
            foreach (var part in parts)
            {
                text.Append(part switch
                {
                    null => "-",
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => part.ToString(),
                });
                text.Append('\u001f');
            }
            text.Append('\n');
        }

        foreach (var c in records.Countries.Values.OrderBy(c => c.Code, StringComparer.Ordinal))
            Line("country", c.Code, c.Origin.Path, c.Region);
        foreach (var p in records.People.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            Line("person", p.Id, p.Origin.Path, p.Country);
            foreach (var r in p.Roles)
                Line("role", r.Country, r.From, r.To);
        }
        foreach (var e in records.Events.Values.OrderBy(e => e.Id, StringComparer.Ordinal))
            Line("event", e.Id, e.Origin.Path, e.Date, e.EndDate, e.Handling);
        foreach (var s in records.Sources.Values.OrderBy(s => s.Id, StringComparer.Ordinal))
            Line("source", s.Id, s.Origin.Path, s.Date, s.Handling);
        foreach (var m in records.MeetingsByDate)
        {
            Line("meeting", m.Id, m.Origin.Path, m.Date, m.EndDate, m.Status, m.Kind, m.Host, m.Guest, m.Place.Country,
                m.Event, m.Handling, string.Join(",", m.Sources));
            foreach (var p in m.Participants.Concat(m.Delegation))
                Line("participant", p.Person, p.Side);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
