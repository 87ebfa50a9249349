using Microsoft.Extensions.Time.Testing;

namespace Pipeline.UnitTests.Support;

/// <summary>
/// <see cref="FakeTimeProvider"/> plus the one thing it lacks: <see cref="PendingTimers"/>, how many of its timers are
/// armed and have neither fired (once, for a one-shot timer), been disarmed nor been disposed. FakeTimeProvider keeps
/// its waiters internal, so a test cannot see whether a background loop, which arms its timer on a thread of its own,
/// is waiting yet; advancing before it is makes the loop arm its timer from the later time, and the wake-up the test
/// then advances to never comes. Code that arms its timer on the caller's thread needs none of this: use
/// FakeTimeProvider itself.
/// </summary>
internal sealed class PendingTimersTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly HashSet<Timer> _pending = [];

    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this);
        timer.Inner = base.CreateTimer(
            s =>
            {
                timer.Fired();
                callback(s);
            },
            state,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Track(Timer timer, bool pending)
    {
        lock (_gate)
        {
            if (pending)
            {
                _pending.Add(timer);
            }
            else
            {
                _pending.Remove(timer);
            }
        }
    }

    private sealed class Timer(PendingTimersTimeProvider owner) : ITimer
    {
        private bool _periodic;

        public ITimer Inner { get; set; } = null!;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero;

            // Counted before the inner timer is armed: a due time of zero fires inside Change.
            owner.Track(this, pending: dueTime != Timeout.InfiniteTimeSpan);
            return Inner.Change(dueTime, period);
        }

        public void Fired()
        {
            if (!_periodic)
            {
                owner.Track(this, pending: false);
            }
        }

        public void Dispose()
        {
            owner.Track(this, pending: false);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
