namespace Pipeline.LocalCloud.Firehose;

/// <summary>Knobs of LocalCloud's Firehose engine that AWS does not expose; tests shorten the delays.</summary>
internal sealed class FirehoseEngineOptions
{
    /// <summary>A journal segment is closed and a new one started once it holds this many bytes.</summary>
    public long SegmentBytes { get; init; } = 8 * FirehoseLimits.MiB;

    /// <summary>Wait before the first retry of a failed Lambda invocation; doubles per retry.</summary>
    public TimeSpan LambdaRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan LambdaRetryMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait before retrying a delivery S3 refused; doubles per failure. AWS retries S3 for up to 24 hours; LocalCloud until it works.</summary>
    public TimeSpan DeliveryRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan DeliveryRetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Records per Lambda invocation, on top of the processor's buffer size and the 6 MB payload limit.</summary>
    public int MaxRecordsPerInvocation { get; init; } = 10_000;

    /// <summary>Span links per delivery span, one per distinct producer trace context.</summary>
    public int MaxSpanLinks { get; init; } = 128;

    /// <summary>
    /// Accepted records not yet delivered, at most; past it PutRecord(Batch) answers ServiceUnavailableException
    /// ("Slow down.") as AWS does when a stream takes more than it can, so a producer faster than the transformer
    /// backs off instead of growing LocalCloud's memory without bound.
    /// </summary>
    public long MaxBacklogBytes { get; init; } = 256 * FirehoseLimits.MiB;
}

/// <summary>Firehose's documented limits, as LocalCloud enforces them.</summary>
internal static class FirehoseLimits
{
    public const long MiB = 1024 * 1024;

    public const int MaxRecordsPerBatch = 500;

    /// <summary>1,000 KiB per record before base64; the model's <c>Data</c> max.</summary>
    public const int MaxRecordBytes = 1_024_000;

    /// <summary>4 MiB of record data per PutRecordBatch.</summary>
    public const long MaxBatchBytes = 4 * MiB;

    /// <summary>Lambda's synchronous request payload limit, envelope and base64 included.</summary>
    public const long MaxLambdaPayloadBytes = 6 * MiB;

    /// <summary>Dynamic partitioning: partitions per delivery; records of further partitions go to the error output.</summary>
    public const int MaxActivePartitions = 500;

    /// <summary>The one destination of a stream, as AWS numbers it.</summary>
    public const string DestinationId = "destinationId-000000000001";
}
