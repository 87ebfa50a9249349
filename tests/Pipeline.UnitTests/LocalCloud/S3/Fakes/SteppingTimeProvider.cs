namespace Pipeline.UnitTests.LocalCloud.S3.Fakes;

/// <summary>A clock that moves one millisecond every time it is read, so each write gets its own, predictable time.</summary>
internal sealed class SteppingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _reads;

    public override DateTimeOffset GetUtcNow() => start.AddMilliseconds(Interlocked.Increment(ref _reads) - 1);
}
