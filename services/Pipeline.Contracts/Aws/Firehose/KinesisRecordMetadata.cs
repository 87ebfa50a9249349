namespace Pipeline.Contracts.Aws.Firehose;

/// <summary>Present when the delivery stream reads from a Kinesis data stream.</summary>
public sealed record KinesisRecordMetadata(
    string? ShardId,
    string? PartitionKey,
    string? ApproximateArrivalTimestamp,
    string? SequenceNumber,
    string? SubsequenceNumber);
