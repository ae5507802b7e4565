using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx.Numbering;

/// <summary>
/// Real Word numbering for the tree's lists. Every list gets its own abstract definition and numbering
/// instance, so each numbered list restarts at its own start value (Word's counters are per abstract
/// definition) and editing one list never renumbers another. Nested lists use the level of their depth.
/// </summary>
internal sealed class ListNumbering
{
    /// <summary>Indent per nesting level, in twips; the number or bullet hangs in front of the text.</summary>
    public const int LevelIndent = 400;
    public const int Hanging = 360;
    private const int Levels = 9;

    private static readonly W.NumberFormatValues[] OrderedFormats =
        [W.NumberFormatValues.Decimal, W.NumberFormatValues.LowerLetter, W.NumberFormatValues.LowerRoman];
    // Glyphs the bundled text fonts carry, so bullets never fall back to a missing-glyph box.
    private static readonly string[] Bullets = ["•", "–", "·"];

    private readonly List<(bool Ordered, int Start, int Depth, (int Left, int Right)? Flat)> _lists = [];

    /// <summary>
    /// Registers one list; returns the numbering instance id its paragraphs refer to. With
    /// <paramref name="flat"/>, every level has those left and right indents (twips), the bullet hanging before
    /// the text: the call-out scheme, where every paragraph of a box has the same indents.
    /// </summary>
    public int Register(bool ordered, int start, int depth, (int Left, int Right)? flat = null)
    {
        _lists.Add((ordered, start, Math.Clamp(depth, 0, Levels - 1), flat));
        return _lists.Count;
    }

    public bool IsEmpty => _lists.Count == 0;

    /// <summary>Left indent of text at a nesting depth (0 = top-level list), in twips.</summary>
    public static int TextIndent(int depth) => (Math.Clamp(depth, 0, Levels - 1) + 1) * LevelIndent;

    /// <summary>The numbering part; bullets bold in <paramref name="accent"/> (a theme colour), as the PDF sets them.</summary>
    public W.Numbering Build(string accent)
    {
        var numbering = new W.Numbering();
        for (var i = 0; i < _lists.Count; i++)
            numbering.Append(AbstractDefinition(i, _lists[i], accent));
        for (var i = 0; i < _lists.Count; i++)
            numbering.Append(new W.NumberingInstance(new W.AbstractNumId { Val = i }) { NumberID = i + 1 });
        return numbering;
    }

    private static W.AbstractNum AbstractDefinition(int index, (bool Ordered, int Start, int Depth, (int Left, int Right)? Flat) list, string accent)
    {
        var definition = new W.AbstractNum { AbstractNumberId = index };
        // nsid identifies the definition when lists are copied between documents; derived from the index to stay reproducible.
        definition.Append(new W.Nsid { Val = (0x4B1D0000 + index).ToString("X8") });
        definition.Append(new W.MultiLevelType { Val = W.MultiLevelValues.HybridMultilevel });
        for (var level = 0; level < Levels; level++)
            definition.Append(Level(level, list.Ordered, level == list.Depth ? list.Start : 1, list.Flat, accent));
        return definition;
    }

    private static W.Level Level(int level, bool ordered, int start, (int Left, int Right)? flat, string accent)
    {
        var indentation = new W.Indentation
        {
            Left = Units.Number(flat?.Left ?? TextIndent(level)),
            Hanging = Units.Number(Hanging),
        };
        if (flat is { } f)
            indentation.Right = Units.Number(f.Right);
        var lvl = new W.Level { LevelIndex = level };
        lvl.Append(new W.StartNumberingValue { Val = start });
        if (ordered)
        {
            lvl.Append(new W.NumberingFormat { Val = OrderedFormats[level % OrderedFormats.Length] });
            lvl.Append(new W.LevelText { Val = $"%{level + 1}." });
        }
        else
        {
            lvl.Append(new W.NumberingFormat { Val = W.NumberFormatValues.Bullet });
            lvl.Append(new W.LevelText { Val = Bullets[level % Bullets.Length] });
        }
        lvl.Append(new W.LevelJustification { Val = W.LevelJustificationValues.Left });
        lvl.Append(new W.PreviousParagraphProperties(indentation));
        if (!ordered)
            lvl.Append(new W.NumberingSymbolRunProperties(new W.Bold(), new W.BoldComplexScript(), new W.Color { Val = Units.Colour(accent) }));
        return lvl;
    }
}
