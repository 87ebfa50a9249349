namespace Pipeline.Generator.Sending;

/// <summary>Reasons a record failed that are ours rather than an AWS error code.</summary>
public static class FailureReasons
{
    /// <summary>The record exceeds Firehose's 1,000 KiB per record, so it was never sent.</summary>
    public const string RecordTooLarge = "RecordTooLarge";

    /// <summary>The run was interrupted before the record was delivered.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>A fatal error stopped the run before the record was delivered.</summary>
    public const string Aborted = "Aborted";
}
