namespace Pipeline.Contracts.Aws.Firehose;

/// <summary>One answered record; <see cref="Data"/> is base64 and required for every result.</summary>
public sealed record FirehoseTransformedRecord(
    string RecordId,
    FirehoseRecordResult Result,
    string Data,
    FirehoseRecordMetadata? Metadata = null);
