using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Docx.Body;

/// <summary>
/// Word complex fields (begin, instruction, separate, stored result, end). The stored result is what a
/// reader sees before Word recalculates the field, so it is always filled in.
/// </summary>
internal static class Fields
{
    public static W.Run Begin() => new(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin });

    public static W.Run Instruction(string instruction) =>
        new(new W.FieldCode($" {instruction} ") { Space = SpaceProcessingModeValues.Preserve });

    public static W.Run Separate() => new(new W.FieldChar { FieldCharType = W.FieldCharValues.Separate });

    public static W.Run End() => new(new W.FieldChar { FieldCharType = W.FieldCharValues.End });

    /// <summary>A whole field in one paragraph, e.g. PAGE with the stored result "1".</summary>
    public static IEnumerable<OpenXmlElement> Simple(string instruction, string storedResult)
    {
        yield return Begin();
        yield return Instruction(instruction);
        yield return Separate();
        yield return new W.Run(new W.Text(storedResult) { Space = SpaceProcessingModeValues.Preserve });
        yield return End();
    }
}
