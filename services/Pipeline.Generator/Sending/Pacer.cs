namespace Pipeline.Generator.Sending;

/// <summary>
/// The schedule of a paced run: record <c>i</c> is due <c>i / rate</c> after the start. Computing due times from the
/// start, not from the previous send, keeps the long-run rate exact; a backlog beyond the allowed lag is dropped
/// from the schedule rather than sent in a burst.
/// </summary>
internal sealed class Pacer
{
    private readonly double _rate;
    private readonly long _maxBacklog;

    public Pacer(double rate, TimeSpan maxLag)
    {
        _rate = rate;
        _maxBacklog = Math.Max(1, (long)Math.Ceiling(rate * maxLag.TotalSeconds));
    }

    /// <summary>Records dropped from the schedule because the sender fell too far behind.</summary>
    public long Skipped { get; private set; }

    /// <summary>How many records should have been produced by <paramref name="elapsed"/>, given <paramref name="produced"/> so far.</summary>
    public long DueCount(long produced, TimeSpan elapsed)
    {
        // The small epsilon absorbs rounding when a timer fires exactly at a record's due time.
        var due = (long)Math.Floor(elapsed.Ticks * _rate / TimeSpan.TicksPerSecond + 1e-9) + 1 - Skipped;
        if (due - produced > _maxBacklog)
        {
            Skipped += due - produced - _maxBacklog;
            due = produced + _maxBacklog;
        }

        return due;
    }

    /// <summary>When (after the start) record <paramref name="index"/> is due.</summary>
    public TimeSpan DueAt(long index) =>
        TimeSpan.FromTicks((long)Math.Ceiling((index + Skipped) * (double)TimeSpan.TicksPerSecond / _rate));
}
