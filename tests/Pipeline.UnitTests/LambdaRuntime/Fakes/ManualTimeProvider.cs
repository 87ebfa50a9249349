namespace Pipeline.UnitTests.LambdaRuntime.Fakes;

/// <summary>
/// A clock that moves only when the test says so; timers due by then fire inside <see cref="Advance"/>, so deadline
/// tests need no real waiting and cannot race the wall clock.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;

    public ManualTimeProvider(DateTimeOffset start)
    {
        _now = start;
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = [.. _timers.Where(t => t.DueAt <= _now).OrderBy(t => t.DueAt)];
            foreach (var timer in due)
            {
                Reschedule(timer);
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    internal void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        var fireNow = false;
        lock (_gate)
        {
            _timers.Remove(timer);
            timer.Period = period;
            timer.DueAt = null;
            if (dueTime == TimeSpan.Zero)
            {
                fireNow = true;
                timer.DueAt = _now;
                Reschedule(timer);
            }
            else if (dueTime != Timeout.InfiniteTimeSpan)
            {
                timer.DueAt = _now + dueTime;
                _timers.Add(timer);
            }
        }

        if (fireNow)
        {
            // A real timer never calls back on the thread that set it.
            ThreadPool.UnsafeQueueUserWorkItem(static t => t.Fire(), timer, preferLocal: false);
        }
    }

    private void Reschedule(ManualTimer timer)
    {
        _timers.Remove(timer);
        if (timer.Period > TimeSpan.Zero && timer.DueAt is { } dueAt)
        {
            timer.DueAt = dueAt + timer.Period;
            _timers.Add(timer);
        }
        else
        {
            timer.DueAt = null;
        }
    }
}
