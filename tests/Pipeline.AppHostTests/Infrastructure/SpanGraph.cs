namespace Pipeline.AppHostTests.Infrastructure;

/// <summary>
/// Spans joined by trace (parent/child within it) and by span links, in either direction: what a user can follow in the
/// dashboard from one span to another.
/// </summary>
internal sealed class SpanGraph
{
    private readonly Dictionary<string, SpanRecord> _spans;
    private readonly Dictionary<string, List<string>> _edges = [];

    public SpanGraph(IEnumerable<SpanRecord> spans)
    {
        _spans = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        foreach (var span in _spans.Values)
        {
            // Every span of a trace through the trace's own node: the dashboard shows them on one page.
            Connect(span.SpanId, "trace:" + span.TraceId);

            foreach (var (_, linked) in span.Links)
            {
                if (_spans.ContainsKey(linked))
                {
                    Connect(span.SpanId, linked);
                }
            }
        }
    }

    /// <summary>Every span reachable from <paramref name="start"/>.</summary>
    public IReadOnlyCollection<SpanRecord> Reachable(SpanRecord start)
    {
        var seen = new HashSet<string> { start.SpanId };
        var pending = new Queue<string>([start.SpanId]);
        while (pending.TryDequeue(out var id))
        {
            foreach (var next in _edges.GetValueOrDefault(id) ?? [])
            {
                if (seen.Add(next))
                {
                    pending.Enqueue(next);
                }
            }
        }

        return [.. seen.Where(_spans.ContainsKey).Select(id => _spans[id])];
    }

    private void Connect(string a, string b)
    {
        (_edges.TryGetValue(a, out var fromA) ? fromA : _edges[a] = []).Add(b);
        (_edges.TryGetValue(b, out var fromB) ? fromB : _edges[b] = []).Add(a);
    }
}
