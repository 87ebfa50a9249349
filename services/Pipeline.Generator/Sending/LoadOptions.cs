using Pipeline.Aws.Firehose;

namespace Pipeline.Generator.Sending;

/// <summary>How hard, how long and how carefully a <see cref="FirehoseLoadRunner"/> pushes records.</summary>
public sealed record LoadOptions
{
    public required string DeliveryStream { get; init; }

    /// <summary>Records per second to hold.</summary>
    public double Rate { get; init; } = 100;

    /// <summary>Stop after this many records; exclusive with <see cref="Duration"/>.</summary>
    public long? Count { get; init; }

    /// <summary>Stop after this long; exclusive with <see cref="Count"/>.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Most records per PutRecordBatch call (Firehose allows 500).</summary>
    public int BatchSize { get; init; } = FirehoseLimits.MaxRecordsPerBatch;

    /// <summary>Most PutRecordBatch calls under way at once.</summary>
    public int MaxInFlight { get; init; } = 8;

    /// <summary>Tries per record, the first included, before a record counts as failed.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>
    /// A batch that has not filled up is sent on this grid of ticks from the start, so low rates still flow steadily
    /// and every second carries the same number of records.
    /// </summary>
    public TimeSpan BatchInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How far the sender may fall behind schedule before it drops the backlog instead of catching up in a burst.</summary>
    public TimeSpan MaxLag { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>First retry delay; it doubles with each attempt up to <see cref="MaxBackoff"/>, with jitter.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws when the options contradict each other or Firehose's limits.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DeliveryStream))
        {
            throw new ArgumentException("A delivery stream name is required.", nameof(DeliveryStream));
        }

        if (!(Rate > 0) || double.IsInfinity(Rate))
        {
            throw new ArgumentOutOfRangeException(nameof(Rate), Rate, "The rate must be a positive number of records per second.");
        }

        if ((Count is null) == (Duration is null))
        {
            throw new ArgumentException("Give exactly one of a record count and a duration.");
        }

        if (Count is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Count), Count, "The count cannot be negative.");
        }

        if (Duration is { } duration && duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Duration), duration, "The duration cannot be negative.");
        }

        if (BatchSize is < 1 or > FirehoseLimits.MaxRecordsPerBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"The batch size must be between 1 and {FirehoseLimits.MaxRecordsPerBatch}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInFlight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BatchInterval, TimeSpan.Zero);
        if (MaxLag < BatchInterval * 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLag), MaxLag, "The lag allowed must cover at least two batch intervals.");
        }
    }
}
