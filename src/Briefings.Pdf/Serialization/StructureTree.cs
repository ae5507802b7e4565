namespace Briefings.Pdf.Serialization;

/// <summary>Standard structure types (ISO 32000-1, 14.8.4) the writer uses.</summary>
internal static class StructureRoles
{
    public const string Document = "Document";
    public const string Paragraph = "P";
    public const string List = "L";
    public const string ListItem = "LI";
    public const string Label = "Lbl";
    public const string ListBody = "LBody";
    public const string Table = "Table";
    public const string TableHead = "THead";
    public const string TableBody = "TBody";
    public const string TableRow = "TR";
    public const string TableHeader = "TH";
    public const string TableCell = "TD";
    public const string BlockQuote = "BlockQuote";
    public const string Note = "Note";
    public const string Reference = "Reference";
    public const string Contents = "TOC";
    public const string ContentsItem = "TOCI";
    public const string Link = "Link";
    public const string Figure = "Figure";
    public const string Caption = "Caption";
    public const string Division = "Div";
    public const string Span = "Span";

    public static string Heading(int level) => "H" + Math.Clamp(level, 1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A node of the PDF structure tree (tagged PDF). The tree is built from the document tree before
/// layout, in reading order (static children); drawing adds the content: marked-content references
/// (page, MCID) and annotation references, and Link elements for linked words. A Figure's alternative
/// text goes in <see cref="Alt"/>.
/// </summary>
internal sealed class StructureElement
{
    private readonly List<StructureElement> children = [];
    private readonly List<object> content = [];

    public StructureElement(string role, StructureElement? parent)
    {
        Role = role;
        Parent = parent;
        parent?.children.Add(this);
    }

    public string Role { get; }
    public StructureElement? Parent { get; }
    public IReadOnlyList<StructureElement> Children => children;
    /// <summary>What drawing added, in order: <see cref="MarkedContent"/>, <see cref="AnnotationReference"/> or StructureElement (a Link).</summary>
    public IReadOnlyList<object> Content => content;

    /// <summary>Alternative text (Figure), or the description of a Link.</summary>
    public string? Alt { get; set; }
    public string? Language { get; init; }
    /// <summary>Element identifier (a Note's, as PDF/UA requires).</summary>
    public string? Id { get; init; }
    /// <summary>/Scope of a table header cell: Column or Row.</summary>
    public string? Scope { get; init; }
    /// <summary>Graphics drawn while this element is current are its content (a Figure), not artifacts.</summary>
    public bool GraphicsAreContent { get; init; }

    /// <summary>All of the element's content has been drawn once: drawing it again (a repeated table header, a note printed on a later page) is an artifact.</summary>
    public bool Completed { get; set; }

    /// <summary>The characters drawn inside the element (a Link's description when it has no Alt).</summary>
    public System.Text.StringBuilder? DrawnText { get; set; }

    internal int ObjectNumber { get; set; }
    /// <summary>The page (object number) of the element's first content, written as its /Pg.</summary>
    internal int Page { get; set; }

    public void Add(object item) => content.Add(item);

    /// <summary>Notes characters drawn inside a Link (its description); other elements need not keep them.</summary>
    public void AppendText(string text)
    {
        if (Role == StructureRoles.Link)
            (DrawnText ??= new System.Text.StringBuilder()).Append(text);
    }

    /// <summary>Forgets what a drawing pass added (the pass is being repeated).</summary>
    public void ResetContent()
    {
        content.Clear();
        Completed = false;
        DrawnText = null;
        Page = 0;
        foreach (var child in children)
            child.ResetContent();
    }

    /// <summary>
    /// Whether the element or anything under it has content (empty elements other than table cells are left
    /// out of the file), as found by the last <see cref="FindContent"/>.
    /// </summary>
    public bool HasContent { get; private set; }

    /// <summary>Sets <see cref="HasContent"/> of the element and everything under it, each element visited once.</summary>
    public bool FindContent()
    {
        bool found = content.Count > 0 || Role is StructureRoles.TableCell or StructureRoles.TableHeader or StructureRoles.TableRow;
        foreach (var child in children)
            found |= child.FindContent();
        foreach (var item in content)
            if (item is StructureElement link)
                link.FindContent();
        return HasContent = found;
    }

    public IEnumerable<StructureElement> Descendants()
    {
        foreach (var child in children)
        {
            yield return child;
            foreach (var below in child.Descendants())
                yield return below;
        }
    }

    public override string ToString() => Role;
}

/// <summary>A marked-content sequence of a page (its object number) with its MCID.</summary>
internal readonly record struct MarkedContent(int Page, int Mcid);

/// <summary>An annotation (object number) on a page, part of a Link element.</summary>
internal readonly record struct AnnotationReference(int Page, int Annotation);

/// <summary>Writes the structure tree: StructTreeRoot, the elements, and the parent tree that maps content back to elements.</summary>
internal static class StructureTreeWriter
{
    /// <param name="file">The file the objects are written to.</param>
    /// <param name="root">The Document element, root of the tree.</param>
    /// <param name="parentTree">
    /// By StructParent(s) key: a page's elements by MCID (a list), or an annotation's Link element.
    /// </param>
    public static int Write(PdfFileWriter file, StructureElement root, IReadOnlyList<object> parentTree)
    {
        int treeRoot = file.Reserve();
        root.FindContent();
        AssignNumbers(file, root);
        WriteElement(file, root, treeRoot);

        int parentTreeObject = file.Write(o =>
        {
            o.Ascii("<</Nums[");
            for (int key = 0; key < parentTree.Count; key++)
            {
                o.Int(key).Byte((byte)' ');
                if (parentTree[key] is List<StructureElement> mcids)
                {
                    o.Byte((byte)'[');
                    foreach (var element in mcids)
                        o.Int(element.ObjectNumber).Ascii(" 0 R ");
                    o.Ascii("]\n");
                }
                else
                    o.Int(((StructureElement)parentTree[key]).ObjectNumber).Ascii(" 0 R\n");
            }
            o.Ascii("]>>");
        });
        file.Write(treeRoot, o => o.Ascii("<</Type/StructTreeRoot/K ").Int(root.ObjectNumber).Ascii(" 0 R/ParentTree ").Int(parentTreeObject)
            .Ascii(" 0 R/ParentTreeNextKey ").Int(parentTree.Count).Ascii(">>"));
        return treeRoot;
    }

    private static void AssignNumbers(PdfFileWriter file, StructureElement element)
    {
        element.ObjectNumber = file.Reserve();
        foreach (var kid in Kids(element))
            if (kid is StructureElement child)
                AssignNumbers(file, child);
    }

    /// <summary>The element's kids in reading order: what was built from the tree, then what drawing added.</summary>
    private static List<object> Kids(StructureElement element)
    {
        var kids = new List<object>(element.Children.Count + element.Content.Count);
        foreach (var child in element.Children)
            if (child.HasContent)
                kids.Add(child);
        foreach (var item in element.Content)
            if (item is not StructureElement link || link.HasContent)
                kids.Add(item);
        return kids;
    }

    private static void WriteElement(PdfFileWriter file, StructureElement element, int parent)
    {
        var kids = Kids(element);
        int page = element.Page != 0 ? element.Page : FirstPage(element);
        var o = file.Begin(element.ObjectNumber);
        // /Type /StructElem is optional (ISO 32000-1, table 323) and left out: thousands of elements in a long table.
        o.Ascii("<</S/").Ascii(element.Role).Ascii("/P ").Int(parent).Ascii(" 0 R");
        if (page != 0)
            o.Ascii("/Pg ").Int(page).Ascii(" 0 R");
        if (element.Id is not null)
            o.Ascii("/ID").Text(element.Id);
        if (element.Language is not null)
            o.Ascii("/Lang").Text(element.Language);
        string? alt = element.Alt ?? (element.Role == StructureRoles.Link ? element.DrawnText?.ToString().Trim() : null);
        if (alt is not null)
            o.Ascii("/Alt").Text(alt);
        if (element.Scope is not null)
            o.Ascii("/A<</O/Table/Scope/").Ascii(element.Scope).Ascii(">>");
        o.Ascii("/K[");
        foreach (var kid in kids)
        {
            switch (kid)
            {
                case StructureElement child:
                    o.Int(child.ObjectNumber).Ascii(" 0 R ");
                    break;
                case MarkedContent mc when mc.Page == page:
                    o.Int(mc.Mcid).Byte((byte)' ');
                    break;
                case MarkedContent mc:
                    o.Ascii("<</Type/MCR/Pg ").Int(mc.Page).Ascii(" 0 R/MCID ").Int(mc.Mcid).Ascii(">> ");
                    break;
                case AnnotationReference annotation:
                    o.Ascii("<</Type/OBJR/Pg ").Int(annotation.Page).Ascii(" 0 R/Obj ").Int(annotation.Annotation).Ascii(" 0 R>> ");
                    break;
            }
        }
        o.Ascii("]>>");
        file.End();
        foreach (var kid in kids)
            if (kid is StructureElement child)
                WriteElement(file, child, element.ObjectNumber);
    }

    private static int FirstPage(StructureElement element)
    {
        foreach (var kid in element.Content)
            if (kid is MarkedContent mc)
                return mc.Page;
            else if (kid is AnnotationReference a)
                return a.Page;
        return 0;
    }
}
