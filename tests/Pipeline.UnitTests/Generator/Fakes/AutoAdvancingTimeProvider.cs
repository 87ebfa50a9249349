namespace Pipeline.UnitTests.Generator.Fakes;

/// <summary>
/// Virtual time that jumps forward whenever someone waits: a timer due in 200 ms moves the clock 200 ms and fires at
/// once. A paced minute runs in milliseconds, and the schedule the code under test computes is what gets measured.
/// Suits code that waits on one thing at a time (the generator's producer; a send's backoff).
/// </summary>
internal sealed class AutoAdvancingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
        {
            throw new NotSupportedException("Periodic timers would advance virtual time for ever.");
        }

        var timer = new AutoAdvancingTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    internal void AdvanceTo(DateTimeOffset instant)
    {
        lock (_gate)
        {
            if (instant > _now)
            {
                _now = instant;
            }
        }
    }
}
