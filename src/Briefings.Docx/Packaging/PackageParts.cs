using System.Globalization;
using System.Text;
using System.Xml;
using Briefings.Documents;
using DocumentFormat.OpenXml.Packaging;
using CustomProps = DocumentFormat.OpenXml.CustomProperties;
using VariantTypes = DocumentFormat.OpenXml.VariantTypes;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx.Packaging;

/// <summary>The parts around the body: settings, font table and the document properties (core and custom).</summary>
internal static class PackageParts
{
    /// <summary>
    /// Document settings: compatibility mode 15 (so Word does not open the file in compatibility mode),
    /// the separator footnotes, and the document language for theme fonts.
    /// </summary>
    public static W.Settings Settings(string language, bool updateFieldsOnOpen)
    {
        // Built as elements rather than parsed from markup: parsing a settings part makes the SDK describe every
        // element a settings part may hold (some 140 kinds), of which these are a dozen.
        var settings = new W.Settings(
            new W.Zoom { Percent = "100" },
            new W.DefaultTabStop { Val = 720 },
            // Word hyphenates as the PDF does (its own dictionary, in the document language).
            new W.AutoHyphenation(),
            new W.CharacterSpacingControl { Val = W.CharacterSpacingValues.DoNotCompress });
        // The contents' stored page numbers are estimates: Word recalculates them when the file opens.
        if (updateFieldsOnOpen)
            settings.Append(new W.UpdateFieldsOnOpen { Val = true });
        settings.Append(
            new W.FootnoteDocumentWideProperties(new W.FootnoteSpecialReference { Id = -1 }, new W.FootnoteSpecialReference { Id = 0 }),
            // A justified line that ends in a manual line break keeps normal word spacing, as readers expect.
            new W.Compatibility(
                new W.DoNotExpandShiftReturn(),
                new W.CompatibilitySetting { Name = W.CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }),
            new W.ThemeFontLanguages { Val = language },
            new W.DecimalSymbol { Val = "." },
            new W.ListSeparator { Val = "," });
        return settings;
    }

    /// <summary>
    /// Extended properties (docProps/app.xml), which Word and LibreOffice expect in every document: the
    /// application that wrote the file, no document security, links not to be refreshed on opening.
    /// </summary>
    public static DocumentFormat.OpenXml.ExtendedProperties.Properties AppProperties() => new(
        new DocumentFormat.OpenXml.ExtendedProperties.ScaleCrop("false"),
        new DocumentFormat.OpenXml.ExtendedProperties.LinksUpToDate("false"),
        new DocumentFormat.OpenXml.ExtendedProperties.SharedDocument("false"),
        new DocumentFormat.OpenXml.ExtendedProperties.HyperlinksChanged("false"),
        new DocumentFormat.OpenXml.ExtendedProperties.Application("Briefings"),
        new DocumentFormat.OpenXml.ExtendedProperties.DocumentSecurity("0"));

    /// <summary>
    /// The theme's families with their generic kind, so Word substitutes a like font (serif for serif)
    /// on a machine without the Noto fonts.
    /// </summary>
    public static W.Fonts FontTable(FontTheme fonts)
    {
        // Elements rather than parsed markup, as for the settings: the embedding adds to each font entry, and parsing
        // an entry makes the SDK describe every element one may hold.
        var table = new W.Fonts();
        foreach (var family in new[] { fonts.Body, fonts.Heading, fonts.Mono, Styles.StylesBuilder.ComplexScriptFont }.Distinct(StringComparer.Ordinal))
        {
            var (kind, pitch) = family.Contains("Mono", StringComparison.OrdinalIgnoreCase) ? (W.FontFamilyValues.Modern, W.FontPitchValues.Fixed)
                : family.Contains("Sans", StringComparison.OrdinalIgnoreCase) ? (W.FontFamilyValues.Swiss, W.FontPitchValues.Variable)
                : family.Contains("Serif", StringComparison.OrdinalIgnoreCase) ? (W.FontFamilyValues.Roman, W.FontPitchValues.Variable)
                : (W.FontFamilyValues.Auto, W.FontPitchValues.Variable);
            table.Append(new W.Font(
                new W.FontCharSet { Val = "00" },
                new W.FontFamily { Val = kind },
                new W.Pitch { Val = pitch })
            { Name = family });
        }
        return table;
    }

    /// <summary>
    /// The handling marking and audience as custom document properties, where records-management and
    /// labelling tools look for them. Null when the document has neither.
    /// </summary>
    public static CustomProps.Properties? CustomProperties(DocumentMetadata metadata)
    {
        var values = new[] { ("Marking", metadata.Marking), ("Audience", metadata.Audience) }
            .Where(v => !string.IsNullOrWhiteSpace(v.Item2))
            .ToList();
        if (values.Count == 0)
            return null;
        var properties = new CustomProps.Properties();
        // Property ids start at 2 and the format id is the one Office uses for user-defined properties.
        var id = 2;
        foreach (var (name, value) in values)
        {
            properties.Append(new CustomProps.CustomDocumentProperty(new VariantTypes.VTLPWSTR(value!))
            {
                FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}",
                PropertyId = id++,
                Name = name,
            });
        }
        return properties;
    }

    /// <summary>
    /// Core properties (title, subject, creator, keywords, language, dates). Both dates are the pack's
    /// as-of date, never the time of writing, so identical input gives identical files.
    /// </summary>
    public static void WriteCoreProperties(CoreFilePropertiesPart part, DocumentMetadata metadata)
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string dcterms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";

        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("cp", "coreProperties", cp);
        xml.WriteAttributeString("xmlns", "dc", null, dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, dcterms);
        xml.WriteAttributeString("xmlns", "xsi", null, xsi);
        xml.WriteElementString("dc", "title", dc, metadata.Title);
        if (!string.IsNullOrWhiteSpace(metadata.Subject))
            xml.WriteElementString("dc", "subject", dc, metadata.Subject);
        if (!string.IsNullOrWhiteSpace(metadata.Author))
            xml.WriteElementString("dc", "creator", dc, metadata.Author);
        if (metadata.Keywords.Count > 0)
            xml.WriteElementString("cp", "keywords", cp, string.Join("; ", metadata.Keywords));
        if (!string.IsNullOrWhiteSpace(metadata.Subtitle))
            xml.WriteElementString("dc", "description", dc, metadata.Subtitle);
        xml.WriteElementString("dc", "language", dc, metadata.Language);
        if (!string.IsNullOrWhiteSpace(metadata.Author))
            xml.WriteElementString("cp", "lastModifiedBy", cp, metadata.Author);
        if (metadata.Date is { } date)
        {
            var stamp = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
            foreach (var name in new[] { "created", "modified" })
            {
                xml.WriteStartElement("dcterms", name, dcterms);
                xml.WriteAttributeString("xsi", "type", xsi, "dcterms:W3CDTF");
                xml.WriteString(stamp);
                xml.WriteEndElement();
            }
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }
}
