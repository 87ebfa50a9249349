namespace Pipeline.Aws.Sns;

/// <summary>The output of Publish.</summary>
/// <param name="MessageId">The id SNS assigned.</param>
/// <param name="SequenceNumber">FIFO topics only: the sequence number.</param>
public sealed record SnsPublishResult(string MessageId, string? SequenceNumber);
