namespace Pipeline.Contracts.Aws.S3;

/// <summary>An S3 event notification (the body of the SQS message S3 sends).</summary>
public sealed record S3Event(IReadOnlyList<S3EventRecord> Records);
