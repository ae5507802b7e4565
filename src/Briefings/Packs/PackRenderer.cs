using System.Globalization;
using System.Security.Cryptography;
using Briefings.Documents;
using Briefings.Markdown;
using Briefings.Packs.ViewModels;
using Briefings.Records;
using Briefings.Templates;
using Briefings.Themes;

namespace Briefings.Packs;

/// <summary>
/// The one entry point from a pack request to a rendered pack:
/// request -> view model (as-of and audience applied) -> Scriban template -> Markdown -> document tree.
/// </summary>
public sealed partial class PackRenderer
{
    /// <summary>File name of the visit brief template in the templates folder.</summary>
    public const string VisitTemplate = "visit-brief.sbn";
    /// <summary>File name of the country profile template in the templates folder.</summary>
    public const string CountryTemplate = "country-profile.sbn";
    /// <summary>File name of the quarterly digest template in the templates folder.</summary>
    public const string DigestTemplate = "quarter-digest.sbn";

    private readonly RecordSet records;
    private readonly TemplateEngine engine;
    private readonly Theme theme;
    private readonly string? themePath;
    private readonly DateOnly today;

    /// <param name="records">The loaded record set.</param>
    /// <param name="templatesFolder">Folder holding the .sbn templates and theme.yaml.</param>
    /// <param name="today">The default as-of date of every pack (everything known now); pass it in so output stays reproducible.</param>
    /// <param name="limits">Bounds on template rendering; left null, limits scaled to the size of the record set.</param>
    /// <exception cref="PackException">when the templates folder or the theme is unusable.</exception>
    public PackRenderer(RecordSet records, string templatesFolder, DateOnly today, TemplateLimits? limits = null)
    {
        this.records = records;
        this.today = today;
        recordShape = new Lazy<string>(() => Packs.RecordShape.Fingerprint(records));
        try
        {
            engine = new TemplateEngine(templatesFolder, limits ?? TemplateLimits.For(records.Meetings.Count));
            theme = ThemeLoader.LoadFromFolder(templatesFolder);
        }
        catch (TemplateException e)
        {
            throw new PackException(e.Diagnostics);
        }
        catch (ThemeException e)
        {
            throw new PackException(e.Diagnostics);
        }
        var candidate = Path.Combine(templatesFolder, ThemeLoader.FileName);
        themePath = File.Exists(candidate) ? candidate : null;
    }

    /// <summary>The theme loaded from the templates folder (the defaults when it has no theme file).</summary>
    public Theme Theme => theme;

    /// <summary>The record set the packs are made from.</summary>
    public RecordSet Records => records;

    /// <summary>The full path of the templates folder.</summary>
    public string TemplatesFolder => engine.TemplatesFolder;

    /// <summary>The default as-of date of packs that take "today".</summary>
    public DateOnly Today => today;

    /// <summary>Computed once per renderer: every pack of a batch shares it.</summary>
    private readonly Lazy<string> recordShape;

    /// <summary>The <see cref="Packs.RecordShape"/> fingerprint of the record set.</summary>
    public string RecordShapeFingerprint => recordShape.Value;

    /// <summary>The hash of a file the renderer's packs read (templates folder, records), cached.</summary>
    public string? HashOf(string path) => hashes.TryOf(path);

    /// <exception cref="PackException">unknown meeting or country (with nearest matches), or a template or Markdown error.</exception>
    public RenderedPack Render(PackRequest request) => request switch
    {
        VisitPackRequest visit => RenderVisit(visit),
        CountryPackRequest country => RenderCountry(country),
        DigestPackRequest digest => RenderDigest(digest),
        _ => throw new ArgumentException($"unknown pack request {request.GetType().Name}", nameof(request)),
    };

    private RenderedPack RenderVisit(VisitPackRequest request)
    {
        if (!records.Meetings.TryGetValue(request.MeetingId, out var meeting))
            throw new PackException(PackCodes.UnknownMeeting, $"unknown meeting '{request.MeetingId}'{NearestMeetings(request.MeetingId)}");
        var asOf = request.AsOf ?? today;
        var scope = new PackScope(records, asOf, request.Audience);
        if (!scope.Visible(meeting.Handling))
            throw new PackException(PackCodes.NotPublic, $"meeting '{meeting.Id}' is internal and cannot go into a public pack");
        var name = request.Name ?? PackName($"visit-{meeting.Id}", request, request.AsOf is not null);
        var model = VisitBriefBuilder.Build(meeting, scope, request.Perspective, name, Marking(request.Audience));
        return Finish(name, "visit", meeting.Id, VisitTemplate, model, scope);
    }

    private RenderedPack RenderCountry(CountryPackRequest request)
    {
        var resolution = records.ResolveCountry(request.Country);
        if (!resolution.IsResolved)
        {
            var detail = resolution.IsAmbiguous
                ? $": it could be {string.Join(" or ", resolution.Matches.Select(c => $"{c.Code} ({c.Name})"))}"
                : NearestCountries(request.Country, resolution.Suggestion);
            throw new PackException(PackCodes.UnknownCountry, $"{(resolution.IsAmbiguous ? "ambiguous" : "unknown")} country '{request.Country}'{detail}");
        }
        var country = resolution.Value;
        var asOf = request.AsOf ?? today;
        var scope = new PackScope(records, asOf, request.Audience);
        var name = request.Name ?? PackName($"country-{country.Code.ToLowerInvariant()}", request, request.AsOf is not null);
        var model = CountryProfileBuilder.Build(country, scope, request.Perspective, name, Marking(request.Audience));
        return Finish(name, "country", country.Code, CountryTemplate, model, scope);
    }

    private RenderedPack RenderDigest(DigestPackRequest request)
    {
        if (request.To < request.From)
            throw new PackException(PackCodes.BadPeriod, $"the digest period ends ({request.To:yyyy-MM-dd}) before it starts ({request.From:yyyy-MM-dd})");
        var asOf = request.AsOf ?? (request.To < today ? request.To : today);
        var scope = new PackScope(records, asOf, request.Audience);
        var name = request.Name ?? PackName($"digest-{request.From:yyyy-MM-dd}-{request.To:yyyy-MM-dd}", request, request.AsOf is not null);
        var model = QuarterDigestBuilder.Build(request, scope, request.Perspective, name, Marking(request.Audience));
        return Finish(name, "digest", request.Label, DigestTemplate, model, scope);
    }

    private RenderedPack Finish(string name, string kind, string subject, string template, object model, PackScope scope)
    {
        var helpers = new TemplateHelpers(scope.AsOf, theme);
        string markdown;
        Document document;
        IReadOnlyList<string> templatesRead;
        try
        {
            var (rendered, read) = engine.RenderWithInputs(template, model, helpers);
            templatesRead = read;
            // Loops and conditionals leave runs of blank lines; one blank line means the same in Markdown.
            markdown = BlankLines().Replace(rendered, "\n\n");
            document = MarkdownReader.Read(markdown, $"templates/{template} (rendered Markdown)", theme);
        }
        catch (TemplateException e)
        {
            throw new PackException(e.Diagnostics);
        }
        catch (MarkdownReadException e)
        {
            throw new PackException(e.Diagnostics);
        }

        var templates = templatesRead
            .Select(display => Input(display, Path.Combine(engine.TemplatesFolder, display["templates/".Length..])))
            .ToList();
        if (themePath is not null)
            templates.Add(Input($"templates/{ThemeLoader.FileName}", themePath));
        var recordInputs = scope.RecordFiles.Select(path => new PackInput(path, recordHashes.GetOrAdd(path, hashes.Of))).ToList();
        return new RenderedPack(name, kind, subject, scope.AsOf, scope.Audience, markdown, document, theme,
            templates.OrderBy(t => t.Path, StringComparer.Ordinal).ToList(), recordInputs)
        {
            RecordShape = recordShape.Value,
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\n(?:[ \t]*\n){2,}")]
    private static partial System.Text.RegularExpressions.Regex BlankLines();

    private string Marking(Audience audience)
    {
        var key = audience.Name();
        return theme.Markings.TryGetValue(key, out var marking) ? marking : key.ToUpperInvariant();
    }

    /// <summary>Variants get their own folder so they never overwrite the default pack.</summary>
    private static string PackName(string baseName, PackRequest request, bool explicitAsOf)
    {
        var name = baseName;
        if (explicitAsOf && request.AsOf is { } asOf)
            name += "-as-of-" + asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (request.Audience == Audience.Public)
            name += "-public";
        return name;
    }

    private PackInput Input(string display, string path) => new(display, hashes.Of(path));

    /// <summary>File hashes, shared by every pack this renderer makes (a batch reads the same files hundreds of times).</summary>
    private readonly FileHashes hashes = new();

    /// <summary>
    /// The record files' hashes, taken once: the records were read once, when this renderer's set was loaded, so every
    /// pack it makes rests on the same files, and asking the file system again for each of them (a stat per file per
    /// pack) only cost time.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> recordHashes = new(StringComparer.Ordinal);

    private string NearestMeetings(string id)
    {
        var nearest = records.Meetings.Keys
            .Select(key => (Key: key, Score: MeetingDistance(id, key)))
            .OrderBy(k => k.Score).ThenBy(k => k.Key, StringComparer.Ordinal)
            .Take(3)
            .Where(k => k.Score <= Math.Max(id.Length, 8) / 2 || k.Key.Contains(id, StringComparison.OrdinalIgnoreCase))
            .Select(k => k.Key)
            .ToList();
        return nearest.Count == 0 ? "" : $"; nearest: {string.Join(", ", nearest)}";
    }

    /// <summary>Edit distance, with a bonus for ids that share the date or a name: "2023-12-04" finds the meeting of that day.</summary>
    private static int MeetingDistance(string query, string id)
    {
        if (id.Contains(query, StringComparison.OrdinalIgnoreCase))
            return 0;
        return NameMatching.Distance(query.ToLowerInvariant(), id.ToLowerInvariant());
    }

    private string NearestCountries(string query, Country? suggestion)
    {
        var nearest = records.Countries.Values
            .Select(c => (Country: c, Score: Math.Min(NameMatching.Distance(query.ToLowerInvariant(), c.Code.ToLowerInvariant()),
                NameMatching.Distance(NameMatching.Normalize(query), NameMatching.Normalize(c.Name)))))
            .OrderBy(c => c.Score).ThenBy(c => c.Country.Code, StringComparer.Ordinal)
            .Select(c => c.Country)
            .ToList();
        if (suggestion is not null)
        {
            nearest.Remove(suggestion);
            nearest.Insert(0, suggestion);
        }
        var shown = nearest.Take(3).Select(c => $"{c.Code} ({c.Name})").ToList();
        return shown.Count == 0 ? "" : $"; nearest: {string.Join(", ", shown)}";
    }
}
