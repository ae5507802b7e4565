using System.Diagnostics;

namespace Briefings.Pdf.Output;

/// <summary>
/// Time spent in each phase of producing a PDF, summed over calls. The benchmark passes one in to see
/// where the time goes; the writer passes none and pays nothing.
/// </summary>
internal sealed class RenderPhases
{
    private readonly Dictionary<string, TimeSpan> totals = [];
    private readonly List<string> order = [];

    public IEnumerable<(string Phase, TimeSpan Time)> Totals => order.Select(p => (p, totals[p]));

    public void Add(string phase, TimeSpan time)
    {
        if (!totals.TryGetValue(phase, out var sum))
            order.Add(phase);
        totals[phase] = sum + time;
    }

    public void Clear()
    {
        totals.Clear();
        order.Clear();
    }

    /// <summary>Times a phase when phases is non-null: <c>using (RenderPhases.Time(phases, "x")) { ... }</c>.</summary>
    public static Scope Time(RenderPhases? phases, string phase) => new(phases, phase);

    public readonly struct Scope : IDisposable
    {
        private readonly RenderPhases? phases;
        private readonly string phase;
        private readonly long start;

        public Scope(RenderPhases? phases, string phase)
        {
            this.phases = phases;
            this.phase = phase;
            start = phases is null ? 0 : Stopwatch.GetTimestamp();
        }

        public void Dispose() => phases?.Add(phase, Stopwatch.GetElapsedTime(start));
    }
}
