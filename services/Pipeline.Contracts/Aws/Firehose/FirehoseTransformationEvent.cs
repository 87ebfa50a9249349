namespace Pipeline.Contracts.Aws.Firehose;

/// <summary>The event Firehose sends a data-transformation Lambda.</summary>
public sealed record FirehoseTransformationEvent(
    string InvocationId,
    string DeliveryStreamArn,
    string Region,
    IReadOnlyList<FirehoseTransformationRecord> Records,
    string? SourceKinesisStreamArn = null);
