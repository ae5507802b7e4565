using System.CommandLine;
using Briefings.Packs;
using Briefings.Records;

namespace Briefings.Cli.Commands;

/// <summary>The options every pack command shares, and the run: load records, render, write, print the paths.</summary>
internal sealed class PackOptions(string asOfDefault)
{
    private const string DefaultTemplates = "templates/";
    private const string DefaultOutput = "output/";
    private const string DefaultFormats = "pdf,docx";

    private readonly Option<string> data = CommonOptions.Data();
    private readonly Option<string> templates = new("--templates")
    {
        Description = "Templates folder (the .sbn templates and theme.yaml)",
        HelpName = "DIR",
        DefaultValueFactory = _ => DefaultTemplates,
    };
    private readonly Option<string> output = new("--out")
    {
        Description = "Output folder; each pack goes into its own sub-folder",
        HelpName = "DIR",
        DefaultValueFactory = _ => DefaultOutput,
    };
    private readonly Option<string> format = new("--format")
    {
        Description = $"Comma list of formats: {string.Join(", ", OutputFormats.Names)}",
        HelpName = "LIST",
        DefaultValueFactory = _ => DefaultFormats,
    };
    private readonly Option<string> pdfProfile = new("--pdf-profile")
    {
        Description = $"Standards the PDF claims, comma-separated: {string.Join(", ", Pdf.PdfOptions.ProfileNames)} (default: pdfa-2b,pdfua-1; every PDF is tagged)",
        HelpName = "LIST",
    };
    private readonly Option<DateOnly?> asOf = CommonOptions.Date("--as-of", $"Use only what was known on this date (default: {asOfDefault})");
    private readonly Option<string> audience = new Option<string>("--audience")
    {
        Description = "internal, or public to leave out every internal item",
        DefaultValueFactory = _ => "internal",
    }.AcceptOnlyFromAmong("internal", "public");

    public void AddTo(Command command)
    {
        command.Add(data);
        command.Add(templates);
        command.Add(output);
        command.Add(format);
        command.Add(pdfProfile);
        command.Add(asOf);
        command.Add(audience);
        command.Validators.Add(result =>
        {
            OutputFormats.Parse(result.GetValue(format) ?? "", out var unknown);
            foreach (var name in unknown)
                result.AddError($"unknown format '{name}' for --format (known: {string.Join(", ", OutputFormats.Names)})");
            if (result.GetValue(pdfProfile) is { } profile)
            {
                try
                {
                    Pdf.PdfOptions.ParseProfile(profile);
                }
                catch (ArgumentException e)
                {
                    result.AddError($"--pdf-profile: {e.Message}");
                }
            }
        });
    }

    /// <summary>The formats named by <c>--format</c>; a usage error when it names none.</summary>
    public IReadOnlyList<PackFormat> Formats(ParseResult parsed)
    {
        var pdf = parsed.GetValue(pdfProfile) is { } profile ? new Pdf.PdfOptions { Profile = Pdf.PdfOptions.ParseProfile(profile) } : null;
        var formats = OutputFormats.Parse(parsed.GetValue(format) ?? DefaultFormats, out _, pdf);
        if (formats.Count == 0)
            throw new UsageException("--format names no format");
        return formats;
    }

    public DateOnly? AsOf(ParseResult parsed) => parsed.GetValue(asOf);
    public Audience Audience(ParseResult parsed) => parsed.GetValue(audience) == "public" ? Packs.Audience.Public : Packs.Audience.Internal;
    /// <summary>
    /// The templates folder: <c>--templates</c> when given; otherwise <c>./templates</c> when it exists, else the
    /// default templates shipped with the program (so an installed tool renders from any folder).
    /// </summary>
    public string Templates(ParseResult parsed)
    {
        string folder;
        if (parsed.GetResult(templates) is { Implicit: false })
            folder = parsed.GetValue(templates) ?? DefaultTemplates;
        else
            folder = Directory.Exists(DefaultTemplates) ? DefaultTemplates : GlobalOptions.ShippedTemplates;
        if (GlobalOptions.IsVerbose(parsed))
            parsed.InvocationConfiguration.Error.WriteLine($"briefings: templates from {folder}");
        return folder;
    }
    public string Output(ParseResult parsed) => parsed.GetValue(output) ?? DefaultOutput;
    public RecordSet? LoadRecords(ParseResult parsed) => CommonOptions.LoadRecords(parsed, data);

    /// <summary>Prints diagnostics, one line each, as the library formats them.</summary>
    public static void Print(TextWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
            writer.WriteLine(diagnostic);
    }

    public int Run(ParseResult parsed, PackRequest request)
    {
        var stdout = parsed.InvocationConfiguration.Output;
        var stderr = parsed.InvocationConfiguration.Error;
        var formats = Formats(parsed);
        var templatesFolder = Templates(parsed);
        PackStartUp.Prepare(formats, templatesFolder);
        var records = CommonOptions.LoadRecords(parsed, data);
        if (records is null)
            return ExitCodes.InputError;

        request = request with
        {
            AsOf = parsed.GetValue(asOf),
            Audience = Audience(parsed),
        };
        try
        {
            var renderer = new PackRenderer(records, templatesFolder, DateOnly.FromDateTime(DateTime.UtcNow));
            var pack = renderer.Render(request);
            foreach (var file in PackWriter.Write(pack, parsed.GetValue(output) ?? DefaultOutput, formats, parallel: true))
                stdout.WriteLine(file.Path);
            return ExitCodes.Success;
        }
        catch (PackException e)
        {
            foreach (var file in e.Written)
                stdout.WriteLine(file.Path);
            Print(stderr, e.Diagnostics);
            return ExitCodes.InputError;
        }
    }
}
