using System.Collections.Concurrent;
using System.Diagnostics;
using Pipeline.Generator;

namespace Pipeline.UnitTests.Generator.Fakes;

/// <summary>Listens to the generator's spans for a test, as the program's telemetry providers do.</summary>
internal sealed class BatchSpans : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    private BatchSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GeneratorTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Every generator span that ended while listening (other tests' spans included: filter by trace id).</summary>
    public IReadOnlyList<Activity> Stopped => [.. _stopped];

    public static BatchSpans Listen() => new();

    public void Dispose() => _listener.Dispose();
}
