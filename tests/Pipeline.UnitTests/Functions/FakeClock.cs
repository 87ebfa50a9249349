namespace Pipeline.UnitTests.Functions;

/// <summary>A clock the test sets and moves; <see cref="DelayAsync"/> moves it instead of waiting, and records the wait.</summary>
internal sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public List<TimeSpan> Delays { get; } = [];

    public override DateTimeOffset GetUtcNow() => Now;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        Delays.Add(delay);
        Now += delay;
        return Task.CompletedTask;
    }
}
