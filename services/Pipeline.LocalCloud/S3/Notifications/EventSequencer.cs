using System.Globalization;

namespace Pipeline.LocalCloud.S3.Notifications;

/// <summary>
/// S3's <c>sequencer</c>: hex values that grow with every event, so a consumer can order two events of one key
/// (string comparison after padding). Built from the clock in microseconds, bumped when two events share a tick.
/// </summary>
public sealed class EventSequencer(TimeProvider time)
{
    private long _last;

    public string Next()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        long next;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _last);
            next = Math.Max(seen + 1, now);
        }
        while (Interlocked.CompareExchange(ref _last, next, seen) != seen);

        return next.ToString("X18", CultureInfo.InvariantCulture);
    }
}
