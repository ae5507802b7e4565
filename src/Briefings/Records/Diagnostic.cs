namespace Briefings.Records;

/// <summary>
/// The record diagnostic codes, one per rule, so tests and users can tell problems apart. The
/// <see cref="Diagnostic"/> type itself is shared by every stage (it lives in Briefings.Documents).
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The file could not be read.</summary>
    public const string Unreadable = "REC001";
    /// <summary>YAML syntax error.</summary>
    public const string Syntax = "REC002";
    /// <summary>A key the record type does not have.</summary>
    public const string UnknownKey = "REC003";
    /// <summary>A required field is missing or empty.</summary>
    public const string MissingField = "REC004";
    /// <summary>A value of the wrong shape (a list where text is expected, an id with spaces ...).</summary>
    public const string BadValue = "REC005";
    /// <summary>A date that does not exist or is not written YYYY-MM-DD.</summary>
    public const string BadDate = "REC006";
    /// <summary>An end date before its start date.</summary>
    public const string DateOrder = "REC007";
    /// <summary>Two records of the same kind with the same id.</summary>
    public const string DuplicateId = "REC008";
    /// <summary>A reference to a country, person, source or event that does not exist.</summary>
    public const string UnknownReference = "REC009";
    /// <summary>A value outside a controlled list (meeting kind, partnership level, handling level ...).</summary>
    public const string NotInList = "REC010";
    /// <summary>A participant whose recorded roles do not cover the meeting date (warning).</summary>
    public const string RoleNotCovered = "REC011";
    /// <summary>A name or alias that belongs to more than one record.</summary>
    public const string AmbiguousName = "REC012";
    /// <summary>A file whose name does not match the id inside it (warning).</summary>
    public const string FileNameMismatch = "REC013";
    /// <summary>The records folder or one of its sub-folders is missing.</summary>
    public const string MissingFolder = "REC014";
    /// <summary>A statement by someone who is not a participant or delegation member (warning).</summary>
    public const string SpeakerNotPresent = "REC015";
    /// <summary>A participant on the side of a country they do not serve (warning).</summary>
    public const string SideMismatch = "REC016";
    /// <summary>A partnership upgrade the country's partnership history does not show (warning).</summary>
    public const string PartnershipMismatch = "REC017";
    /// <summary>Relations between two countries recorded in both countries' files (warning).</summary>
    public const string RelationTwice = "REC018";
    /// <summary>A YAML construct the record format does not define: tags, anchors, aliases.</summary>
    public const string NotAllowed = "REC019";
    /// <summary>A file, value, nesting depth or count over one of the <see cref="RecordLimits"/>.</summary>
    public const string LimitExceeded = "REC020";
    /// <summary>Bidirectional-text controls in record text, removed so they cannot reorder what follows (warning).</summary>
    public const string BidiControl = "REC021";
    /// <summary>A file that is not valid UTF-8 (or UTF-16 with a byte-order mark).</summary>
    public const string BadEncoding = "REC022";
    /// <summary>Text the theme's fonts cannot draw (warning).</summary>
    public const string NoGlyph = "REC023";
    /// <summary>A word too long to fit on a line of the page (warning).</summary>
    public const string LongWord = "REC024";
    /// <summary>
    /// A spelling that adds nothing (warning): the name again in other capitals or accents ("UzbekiStan"), a spelling
    /// listed twice, or one that is both an alias and match-only.
    /// </summary>
    public const string RedundantName = "REC025";
    /// <summary>A source's printed text (title, note, dateline) holds a spelling kept only for matching (a garble such as "Nur Sudan").</summary>
    public const string MatchOnlyPrinted = "REC026";
}
