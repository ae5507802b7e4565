using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Briefings.Records.Loading;

/// <summary>
/// Passes parser events through and remembers where the last one was. YamlDotNet sometimes fails with an
/// exception that carries no position (e.g. an unclosed flow list running into the next key); the last
/// good event then tells the user where the broken value starts.
/// </summary>
internal sealed class TrackingParser(IParser inner) : IParser
{
    public ParsingEvent? Current => inner.Current;

    public Mark LastGood { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (inner.Current is { } previous) LastGood = previous.Start;
        return inner.MoveNext();
    }
}
