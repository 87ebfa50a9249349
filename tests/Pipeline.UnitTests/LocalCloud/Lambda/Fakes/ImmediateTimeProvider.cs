using System.Collections.Concurrent;

namespace Pipeline.UnitTests.LocalCloud.LambdaService.Fakes;

/// <summary>Records every delay asked of it and lets it pass at once, so retry schedules are checked without waiting.</summary>
internal sealed class ImmediateTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public IReadOnlyList<TimeSpan> Delays => [.. _delays];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _delays.Enqueue(dueTime);
        var timer = new FiredTimer();
        ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        return timer;
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
