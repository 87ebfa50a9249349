namespace Pipeline.UnitTests.LambdaRuntime.Fakes;

/// <summary>A timer of <see cref="ManualTimeProvider"/>: it fires only when the test moves the clock past its due time.</summary>
internal sealed class ManualTimer : ITimer
{
    private readonly ManualTimeProvider _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;

    public ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
    }

    public DateTimeOffset? DueAt { get; set; }

    public TimeSpan Period { get; set; } = Timeout.InfiniteTimeSpan;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        _clock.Schedule(this, dueTime, period);
        return true;
    }

    public void Fire() => _callback(_state);

    public void Dispose() => _clock.Schedule(this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
