using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Briefings.Records.Loading;

/// <summary>A construct or size the record format does not allow, found while parsing (the file is skipped).</summary>
internal sealed class RecordFormatException(Mark at, string code, string message) : Exception(message)
{
    public Mark At { get; } = at;
    public string Code { get; } = code;
}

/// <summary>
/// Passes parser events through, enforcing the record format's limits as each event arrives, before any
/// node tree is built: nesting depth (so no deep input can exhaust the stack of the recursive node
/// builder), number of values, length of a text value; and rejecting what the format does not define:
/// tags (<c>!!python/object</c>, <c>!x</c>), anchors and aliases (records are edited by hand and read by
/// people: every value is written out where it is used, so no alias can multiply the work of the readers).
/// Also remembers where the last good event was: YamlDotNet sometimes fails with an exception that carries
/// no position (e.g. an unclosed flow list running into the next key); the last good event then tells the
/// user where the broken value starts.
/// </summary>
internal sealed class GuardedParser(IParser inner, RecordLimits limits) : IParser
{
    private int depth;
    private int nodes;

    public ParsingEvent? Current => inner.Current;

    public Mark LastGood { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (inner.Current is { } previous) LastGood = previous.Start;
        if (!inner.MoveNext()) return false;
        Check(inner.Current!);
        return true;
    }

    private void Check(ParsingEvent current)
    {
        switch (current)
        {
            case AnchorAlias alias:
                throw new RecordFormatException(alias.Start, DiagnosticCodes.NotAllowed,
                    $"alias '*{Short(alias.Value.Value)}' is not allowed in records: write the value out where it is used");
            case NodeEvent node:
                if (!node.Anchor.IsEmpty)
                    throw new RecordFormatException(node.Start, DiagnosticCodes.NotAllowed,
                        $"anchor '&{Short(node.Anchor.Value)}' is not allowed in records: write the value out where it is used");
                if (!node.Tag.IsEmpty)
                    throw new RecordFormatException(node.Start, DiagnosticCodes.NotAllowed,
                        $"YAML tag '{Short(node.Tag.Value)}' is not allowed in records: values are plain text, lists and mappings");
                if (++nodes > limits.MaxNodes)
                    throw new RecordFormatException(node.Start, DiagnosticCodes.LimitExceeded,
                        $"the file holds more than {limits.MaxNodes} values (the limit per record file): split the record");
                if (node is Scalar scalar && scalar.Value.Length > limits.MaxScalarLength)
                    throw new RecordFormatException(node.Start, DiagnosticCodes.LimitExceeded,
                        $"a text value of {scalar.Value.Length} characters is longer than the limit of {limits.MaxScalarLength}");
                if (node is MappingStart or SequenceStart && ++depth > limits.MaxDepth)
                    throw new RecordFormatException(node.Start, DiagnosticCodes.LimitExceeded,
                        $"lists and mappings nest more than {limits.MaxDepth} levels deep here (the limit; records need 5)");
                break;
            case MappingEnd or SequenceEnd:
                depth--;
                break;
        }
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
