using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Briefings.Documents;

namespace Briefings.Pdf.Output;

/// <summary>One bookmark: heading level, title, page (1-based) and the PDF y coordinate (from the page bottom).</summary>
internal sealed record OutlineEntry(int Level, string Title, int Page, float Top);

/// <summary>
/// Adds what Skia's PDF backend cannot write — the outline (bookmarks), the document language and a
/// file identifier — as a standard PDF incremental update appended to Skia's output: a new catalog
/// object with the same number, the outline objects, a cross-reference section and a trailer with
/// /Prev. Skia's bytes stay untouched, so every reader sees a valid file either way.
/// </summary>
internal static partial class PdfFinisher
{
    public static byte[] Finish(byte[] pdf, IReadOnlyList<OutlineEntry> outline, string language)
    {
        var file = new SkiaPdf(pdf);
        var pages = file.PageObjects();
        int next = file.Size;
        var objects = new List<(int Number, string Body)>();

        string extra = $"/Lang {TextString(language)}";
        if (outline.Count > 0 && pages.Count > 0)
        {
            int root = next;
            var items = BuildOutline(outline, pages, root, next + 1);
            next += 1 + items.Count;
            extra += $"\n/Outlines {root} 0 R\n/PageMode /UseOutlines";
            var topLevel = items.Where(i => i.Parent == root).ToList();
            objects.Add((root, $"<</Type /Outlines\n/First {topLevel[0].Number} 0 R\n/Last {topLevel[^1].Number} 0 R\n/Count {items.Count}>>"));
            objects.AddRange(items.Select(i => (i.Number, i.Body)));
        }
        objects.Insert(0, (file.Root, file.CatalogBody.TrimEnd()[..^2] + "\n" + extra + ">>"));

        var update = new StringBuilder();
        var offsets = new Dictionary<int, long>();
        long position = pdf.Length;
        void Append(string text)
        {
            update.Append(text);
            position += Encoding.Latin1.GetByteCount(text);
        }

        Append("\n");
        foreach (var (number, body) in objects)
        {
            offsets[number] = position;
            Append($"{number} 0 obj\n{body}\nendobj\n");
        }

        // The identifier is a hash of the content: identical input gives identical bytes.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        hash.AppendData(pdf);
        hash.AppendData(Encoding.Latin1.GetBytes(update.ToString()));
        var id = Convert.ToHexString(hash.GetHashAndReset());
        long xref = position;
        Append("xref\n");
        foreach (var run in Runs(offsets.Keys.Order().ToList()))
        {
            Append($"{run[0]} {run.Count}\n");
            foreach (var number in run)
                Append($"{offsets[number]:D10} 00000 n \n");
        }
        Append($"trailer\n<</Size {next}\n/Root {file.Root} 0 R\n");
        if (file.Info is { } info)
            Append($"/Info {info} 0 R\n");
        Append($"/ID [<{id}> <{id}>]\n/Prev {file.StartXref}>>\nstartxref\n{xref}\n%%EOF\n");

        var tail = update.ToString();
        var result = new byte[pdf.Length + Encoding.Latin1.GetByteCount(tail)];
        pdf.CopyTo(result, 0);
        Encoding.Latin1.GetBytes(tail, result.AsSpan(pdf.Length));
        return result;
    }

    private sealed record OutlineItem(int Number, int Parent, string Body);

    /// <summary>Nests entries by heading level (a level-3 heading under a level-1 one nests directly under it).</summary>
    private static List<OutlineItem> BuildOutline(IReadOnlyList<OutlineEntry> entries, IReadOnlyList<int> pages, int root, int first)
    {
        int count = entries.Count;
        var parent = new int[count];
        var stack = new Stack<int>();
        for (int i = 0; i < count; i++)
        {
            while (stack.Count > 0 && entries[stack.Peek()].Level >= entries[i].Level)
                stack.Pop();
            parent[i] = stack.Count > 0 ? stack.Peek() : -1;
            stack.Push(i);
        }

        var children = Enumerable.Range(-1, count + 1).ToDictionary(i => i, _ => new List<int>());
        for (int i = 0; i < count; i++)
            children[parent[i]].Add(i);
        int Descendants(int i) => children[i].Sum(c => 1 + Descendants(c));
        int Number(int i) => first + i;

        var items = new List<OutlineItem>();
        for (int i = 0; i < count; i++)
        {
            var siblings = children[parent[i]];
            int index = siblings.IndexOf(i);
            var body = new StringBuilder();
            body.Append($"<</Title {TextString(entries[i].Title)}\n/Parent {(parent[i] < 0 ? root : Number(parent[i]))} 0 R\n");
            if (index > 0) body.Append($"/Prev {Number(siblings[index - 1])} 0 R\n");
            if (index < siblings.Count - 1) body.Append($"/Next {Number(siblings[index + 1])} 0 R\n");
            if (children[i].Count > 0)
                body.Append($"/First {Number(children[i][0])} 0 R\n/Last {Number(children[i][^1])} 0 R\n/Count {Descendants(i)}\n");
            int page = pages[Math.Clamp(entries[i].Page - 1, 0, pages.Count - 1)];
            body.Append(string.Create(CultureInfo.InvariantCulture, $"/Dest [{page} 0 R /XYZ 0 {entries[i].Top + 4:0.##} null]>>"));
            items.Add(new OutlineItem(Number(i), parent[i] < 0 ? root : Number(parent[i]), body.ToString()));
        }
        return items;
    }

    private static IEnumerable<List<int>> Runs(List<int> sorted)
    {
        var run = new List<int>();
        foreach (var number in sorted)
        {
            if (run.Count > 0 && number != run[^1] + 1)
            {
                yield return run;
                run = [];
            }
            run.Add(number);
        }
        if (run.Count > 0)
            yield return run;
    }

    /// <summary>A PDF text string: UTF-16BE with a byte order mark, hex-encoded (safe for any character).</summary>
    private static string TextString(string text) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

    /// <summary>The few facts about Skia's output the update needs, read from its trailer and xref table.</summary>
    private sealed partial class SkiaPdf
    {
        // Only the pieces read (trailer, cross-reference table, catalog, page tree) are decoded as text.
        private readonly byte[] pdf;
        private readonly Dictionary<int, long> offsets = [];

        public SkiaPdf(byte[] pdf)
        {
            this.pdf = pdf;
            var tail = Text(Math.Max(0, pdf.Length - 1024), Math.Min(pdf.Length, 1024));
            var start = StartXrefPattern().Match(tail);
            var trailer = TrailerPattern().Match(tail);
            if (!start.Success || !trailer.Success)
                throw new DocumentWriteException(DocumentCodes.PdfInternal, "The PDF produced by Skia has no readable trailer.");
            StartXref = long.Parse(start.Groups[1].Value, CultureInfo.InvariantCulture);
            var dictionary = trailer.Groups[1].Value;
            Size = int.Parse(Entry(dictionary, "Size"), CultureInfo.InvariantCulture);
            Root = int.Parse(Entry(dictionary, "Root"), CultureInfo.InvariantCulture);
            var info = InfoPattern().Match(dictionary);
            Info = info.Success ? int.Parse(info.Groups[1].Value, CultureInfo.InvariantCulture) : null;
            ReadXref();
            CatalogBody = ObjectBody(Root);
        }

        public long StartXref { get; }
        public int Size { get; }
        public int Root { get; }
        public int? Info { get; }
        public string CatalogBody { get; }

        private static string Entry(string dictionary, string key) =>
            Regex.Match(dictionary, $@"/{key} (\d+)").Groups[1].Value;

        private string Text(int start, int length) => Encoding.Latin1.GetString(pdf, start, length);

        private void ReadXref()
        {
            int at = (int)StartXref;
            if (at < 0 || at >= pdf.Length)
                throw new DocumentWriteException(DocumentCodes.PdfInternal, "The PDF produced by Skia has no cross-reference table where expected.");
            var head = Text(at, Math.Min(64, pdf.Length - at));
            var header = XrefHeaderPattern().Match(head);
            if (!header.Success || header.Index != 0)
                throw new DocumentWriteException(DocumentCodes.PdfInternal, "The PDF produced by Skia has no cross-reference table where expected.");
            int first = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
            int count = int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture);
            int start = at + header.Length;
            if (start + count * 20 > pdf.Length)
                throw new DocumentWriteException(DocumentCodes.PdfInternal, "The PDF produced by Skia has a cut-off cross-reference table.");
            var text = Text(start, count * 20);
            for (int i = 0; i < count; i++)
            {
                var entry = text.Substring(i * 20, 18);
                if (entry[17] == 'n')
                    offsets[first + i] = long.Parse(entry[..10], CultureInfo.InvariantCulture);
            }
        }

        public string ObjectBody(int number)
        {
            if (!offsets.TryGetValue(number, out var offset) || offset < 0 || offset >= pdf.Length)
                throw new DocumentWriteException(DocumentCodes.PdfInternal, $"Object {number} is missing from the PDF produced by Skia.");
            var rest = pdf.AsSpan((int)offset);
            int start = rest.IndexOf("obj"u8);
            int end = start < 0 ? -1 : rest[(start + 3)..].IndexOf("endobj"u8);
            if (end < 0)
                throw new DocumentWriteException(DocumentCodes.PdfInternal, $"Object {number} in the PDF produced by Skia is not closed.");
            return Text((int)offset + start + 3, end).Trim();
        }

        /// <summary>Page object numbers in page order, walking the (possibly nested) page tree.</summary>
        public List<int> PageObjects()
        {
            var pages = new List<int>();
            var catalog = CatalogBody;
            var pagesRef = PagesPattern().Match(catalog);
            if (pagesRef.Success)
                Walk(int.Parse(pagesRef.Groups[1].Value, CultureInfo.InvariantCulture), pages, 0);
            return pages;
        }

        private void Walk(int number, List<int> pages, int depth)
        {
            if (depth > 32)
                return;
            var body = ObjectBody(number);
            if (PageTypePattern().IsMatch(body))
            {
                pages.Add(number);
                return;
            }
            var kids = KidsPattern().Match(body);
            if (!kids.Success)
                return;
            foreach (Match kid in ReferencePattern().Matches(kids.Groups[1].Value))
                Walk(int.Parse(kid.Groups[1].Value, CultureInfo.InvariantCulture), pages, depth + 1);
        }

        [GeneratedRegex(@"startxref\s+(\d+)\s+%%EOF\s*$")] private static partial Regex StartXrefPattern();
        [GeneratedRegex(@"trailer\s*<<(.*?)>>\s*startxref", RegexOptions.Singleline)] private static partial Regex TrailerPattern();
        [GeneratedRegex(@"/Info (\d+) 0 R")] private static partial Regex InfoPattern();
        [GeneratedRegex(@"xref\s+(\d+) (\d+)\s*\n")] private static partial Regex XrefHeaderPattern();
        [GeneratedRegex(@"/Pages (\d+) 0 R")] private static partial Regex PagesPattern();
        [GeneratedRegex(@"/Type\s*/Page\b(?!s)")] private static partial Regex PageTypePattern();
        [GeneratedRegex(@"/Kids\s*\[([^\]]*)\]")] private static partial Regex KidsPattern();
        [GeneratedRegex(@"(\d+) 0 R")] private static partial Regex ReferencePattern();
    }
}
