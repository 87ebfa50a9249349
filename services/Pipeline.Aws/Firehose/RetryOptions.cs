namespace Pipeline.Aws.Firehose;

/// <summary>How long Firehose retries delivery before giving up on a record.</summary>
public sealed record RetryOptions
{
    /// <summary>Retry duration in seconds (0–7200).</summary>
    public int? DurationInSeconds { get; init; }
}
