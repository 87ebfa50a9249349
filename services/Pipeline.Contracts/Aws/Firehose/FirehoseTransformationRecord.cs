namespace Pipeline.Contracts.Aws.Firehose;

/// <summary>One record of a transformation event; <see cref="Data"/> is base64.</summary>
public sealed record FirehoseTransformationRecord(
    string RecordId,
    long ApproximateArrivalTimestamp,
    string Data,
    KinesisRecordMetadata? KinesisRecordMetadata = null);
