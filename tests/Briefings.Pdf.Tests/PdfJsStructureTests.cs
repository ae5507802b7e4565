using System.Text.RegularExpressions;
using Briefings.Documents;
using Xunit;
using static Briefings.Pdf.Tests.SampleBriefs;

namespace Briefings.Pdf.Tests;

/// <summary>
/// Runs when pdf.js (the pdfjs-dist npm package, installed on first use into a folder beside the test
/// assembly) can be set up with the node and npm found on the PATH; otherwise the test is reported as
/// skipped with the reason.
/// </summary>
public sealed class PdfJsFactAttribute : FactAttribute
{
    public PdfJsFactAttribute()
    {
        if (PdfJs.SetUp() is { } problem)
            Skip = problem;
    }
}

internal static class PdfJs
{
    /// <summary>pdfjs-dist 4.10 runs on node 18 and later (5.x wants node 20.16+, 6.x node 22).</summary>
    private const string Package = "pdfjs-dist@4.10.38";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "pdfjs");
    public static string Script => Path.Combine(Folder, "struct-tree.mjs");

    private static readonly Lazy<string?> Problem = new(Install);

    /// <summary>Null when pdf.js is ready; otherwise why it is not.</summary>
    public static string? SetUp() => Problem.Value;

    private static string? Install()
    {
        if (!Tools.Has("node") || !Tools.Has("npm"))
            return "node and npm are not installed; the pdf.js structure tree check did not run.";
        Directory.CreateDirectory(Folder);
        if (!File.Exists(Path.Combine(Folder, "node_modules", "pdfjs-dist", "package.json")))
        {
            File.WriteAllText(Path.Combine(Folder, "package.json"), "{\"private\": true}\n");
            try
            {
                var (exit, output) = Tools.Run("npm", "install", "--prefix", Folder, "--no-audit", "--no-fund", "--loglevel=error", Package);
                if (exit != 0)
                    return $"npm could not install {Package} (no registry?); the pdf.js structure tree check did not run: {output.Trim()}";
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                return $"npm could not be started ({e.Message}); the pdf.js structure tree check did not run.";
            }
        }
        // Prints "page<TAB>depth<TAB>role" for every structure element pdf.js finds on each page.
        File.WriteAllText(Script, """
            import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
            import { readFileSync } from "node:fs";
            const data = new Uint8Array(readFileSync(process.argv[2]));
            const pdf = await getDocument({ data, verbosity: 0 }).promise;
            const out = [];
            for (let i = 1; i <= pdf.numPages; i++) {
              const tree = await (await pdf.getPage(i)).getStructTree();
              const walk = (node, depth) => {
                if (node.role) out.push(`${i}\t${depth}\t${node.role}`);
                for (const child of node.children ?? []) if (child.role || child.children) walk(child, depth + 1);
              };
              if (tree) walk(tree, 0);
            }
            console.log(out.join("\n"));
            """);
        return null;
    }
}

/// <summary>The structure tree as pdf.js (Firefox's PDF reader) reads it: an independent reader of the tagging.</summary>
public class PdfJsStructureTests
{
    [PdfJsFact]
    public void Pdfjs_reads_the_roles_and_the_headings_in_reading_order()
    {
        var document = VisitBrief(tableRows: 40, sections: 3);
        var path = Path.Combine(Path.GetTempPath(), $"briefings-pdfjs-{Environment.ProcessId}.pdf");
        File.WriteAllBytes(path, PdfDocumentWriter.Render(document, new Theme()));
        try
        {
            var (exit, output) = Tools.Run("node", PdfJs.Script, path);
            Assert.True(exit == 0, output);
            var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split('\t')).Where(p => p.Length == 3)
                .Select(p => (Page: int.Parse(p[0]), Depth: int.Parse(p[1]), Role: p[2].Trim())).ToList();
            Assert.All(rows.Where(r => r.Depth == 1), r => Assert.Equal("Document", r.Role));
            var roles = rows.Select(r => r.Role).ToHashSet();
            foreach (var role in new[] { "H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "TOC", "TOCI", "Link", "Note", "BlockQuote" })
                Assert.Contains(role, roles);
            // Headings in page order: the cover title, the contents title, then every heading of the document, none skipping a level.
            var headings = rows.Where(r => Regex.IsMatch(r.Role, "^H[1-6]$")).Select(r => r.Role).ToList();
            var expected = new List<string> { "H1", "H1" };
            expected.AddRange(document.Headings().Select(h => "H" + h.Level));
            Assert.Equal(expected, headings);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
