namespace Pipeline.Aws.Firehose;

/// <summary>When Firehose flushes a buffer to S3: whichever of size and interval is reached first.</summary>
public sealed record BufferingHints
{
    /// <summary>Buffer size in MiB (1–128; at least 64 with dynamic partitioning).</summary>
    public int? SizeInMBs { get; init; }

    /// <summary>Buffer interval in seconds (0–900).</summary>
    public int? IntervalInSeconds { get; init; }
}
