namespace Pipeline.UnitTests.Generator.Fakes;

/// <summary>A one-shot timer of <see cref="AutoAdvancingTimeProvider"/>: arming it moves the clock to its due time and fires it.</summary>
internal sealed class AutoAdvancingTimer(AutoAdvancingTimeProvider time, TimerCallback callback, object? state) : ITimer
{
    private int _generation;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        var generation = Interlocked.Increment(ref _generation);
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return true;
        }

        time.AdvanceTo(time.GetUtcNow() + dueTime);
        ThreadPool.UnsafeQueueUserWorkItem(
            _ =>
            {
                if (Volatile.Read(ref _generation) == generation)
                {
                    callback(state);
                }
            },
            null);
        return true;
    }

    public void Dispose() => Interlocked.Increment(ref _generation);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
