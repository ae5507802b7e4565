namespace Briefings.Records.Loading;

/// <summary>Checks that need every record: references, role coverage and names shared by two records.</summary>
internal static class CrossChecks
{
    /// <param name="records">The records that loaded.</param>
    /// <param name="references">Every reference between records, with where it was written.</param>
    /// <param name="laterChecks">Checks the readers left until every record is known.</param>
    /// <param name="broken">Ids (file names) of records that failed to load; references to them are not reported again.</param>
    /// <param name="diagnostics">Where the problems found go.</param>
    public static void Run(RecordSet records, IReadOnlyList<PendingReference> references, IReadOnlyList<Action<RecordSet>> laterChecks, IReadOnlySet<(ReferenceKind, string)> broken, DiagnosticBag diagnostics)
    {
        foreach (var reference in references.Where(r => !broken.Contains((r.Kind, r.Value))))
            CheckReference(records, reference, diagnostics);
        foreach (var check in laterChecks)
            check(records);
        ReportSharedNames(records, diagnostics);
        ReportRelationsRecordedTwice(records, diagnostics);
    }

    // Each pair belongs in one file; two copies drift apart and the queries would read only one of them.
    private static void ReportRelationsRecordedTwice(RecordSet records, DiagnosticBag diagnostics)
    {
        foreach (var country in records.Countries.Values.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            foreach (var relation in country.Relations)
            {
                if (!records.Countries.TryGetValue(relation.With, out var other) || other.RelationWith(country.Code) is null) continue;
                if (string.CompareOrdinal(country.Code, other.Code) > 0) continue; // report each pair once
                diagnostics.Warning(other.Origin, DiagnosticCodes.RelationTwice,
                    $"relations between {country.Code} and {other.Code} are recorded in both countries' files; keep them in one ({country.Origin.Path})");
            }
        }
    }

    private static void CheckReference(RecordSet records, PendingReference reference, DiagnosticBag diagnostics)
    {
        var value = reference.Value;
        var found = reference.Kind switch
        {
            ReferenceKind.Country => records.Countries.ContainsKey(value) && value == value.ToUpperInvariant(),
            ReferenceKind.Person => records.People.ContainsKey(value),
            ReferenceKind.Source => records.Sources.ContainsKey(value),
            ReferenceKind.Event => records.Events.ContainsKey(value),
            _ => true,
        };
        if (found) return;
        // Suggestions cost an edit-distance pass over every name, so only broken references pay for them.
        var (kindName, suggestion) = reference.Kind switch
        {
            ReferenceKind.Country => ("country", SuggestCountry(records, value)),
            ReferenceKind.Person => ("person", SuggestPerson(records, value)),
            ReferenceKind.Source => ("source", SuggestById(records.Sources.Values.Select(s => (s.Id, s.Id)), value)),
            _ => ("event", SuggestEvent(records, value)),
        };
        var hint = suggestion is null ? "" : $": did you mean {suggestion}?";
        diagnostics.Error(reference.Path, reference.At, DiagnosticCodes.UnknownReference, $"unknown {kindName} '{value}' in {reference.What}{hint}");
    }

    // Country codes are written in capitals; a name or alias is not a reference but is a good hint.
    private static string? SuggestCountry(RecordSet records, string value)
    {
        var byName = records.ResolveCountry(value);
        if (byName.IsResolved) return Describe(byName.Value);
        if (byName.IsAmbiguous) return string.Join(" or ", byName.Matches.Select(Describe));
        if (byName.Suggestion is { } near) return Describe(near);
        // A near miss on the code itself ("BLS" for "BLR") is only one letter: measure codes separately.
        var code = records.Countries.Values
            .Select(c => (Country: c, Distance: NameMatching.Distance(value.ToUpperInvariant(), c.Code)))
            .Where(x => x.Distance <= 1)
            .OrderBy(x => x.Distance).ThenBy(x => x.Country.Code, StringComparer.Ordinal)
            .Select(x => x.Country)
            .FirstOrDefault();
        return code is null ? null : Describe(code);

        static string Describe(Country c) => $"'{c.Code}' ({c.Name})";
    }

    private static string? SuggestPerson(RecordSet records, string value)
    {
        var byName = records.ResolvePerson(value);
        if (byName.IsResolved) return $"'{byName.Value.Id}' ({byName.Value.Name})";
        if (byName.IsAmbiguous) return string.Join(" or ", byName.Matches.Select(p => $"'{p.Id}' ({p.Name})"));
        return byName.Suggestion is { } near ? $"'{near.Id}' ({near.Name})" : null;
    }

    private static string? SuggestEvent(RecordSet records, string value)
    {
        var byName = records.ResolveEvent(value);
        if (byName.IsResolved) return $"'{byName.Value.Id}' ({byName.Value.Name})";
        return byName.Suggestion is { } near ? $"'{near.Id}' ({near.Name})" : null;
    }

    private static string? SuggestById(IEnumerable<(string Id, string Name)> candidates, string value) =>
        NameMatching.Nearest(value, candidates) is { } id ? $"'{id}'" : null;

    private static void ReportSharedNames(RecordSet records, DiagnosticBag diagnostics)
    {
        foreach (var (key, clash) in records.CountryNameCollisions())
        {
            diagnostics.Warning(clash[0].Origin, DiagnosticCodes.AmbiguousName,
                $"the name '{key}' belongs to several countries ({string.Join(", ", clash.Select(c => c.Code))}); it will be reported as ambiguous, never guessed");
        }
        foreach (var (key, clash) in records.PersonNameCollisions())
        {
            diagnostics.Warning(clash[0].Origin, DiagnosticCodes.AmbiguousName,
                $"the name '{key}' belongs to several people ({string.Join(", ", clash.Select(p => p.Id))}); it will be reported as ambiguous, never guessed");
        }
    }
}
