using System.Collections.Concurrent;

namespace Pipeline.UnitTests.Aws.Fakes;

/// <summary>Records the backoff waits a client asks for instead of sleeping through them.</summary>
internal sealed class RecordedDelays
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public IReadOnlyList<TimeSpan> Delays => [.. _delays];

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _delays.Enqueue(delay);
        return Task.CompletedTask;
    }
}
