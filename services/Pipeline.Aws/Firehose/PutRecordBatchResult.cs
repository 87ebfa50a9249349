namespace Pipeline.Aws.Firehose;

/// <summary>The answer to PutRecordBatch: one entry per record, in the order sent.</summary>
public sealed record PutRecordBatchResult(
    int FailedPutCount,
    bool Encrypted,
    IReadOnlyList<PutRecordBatchResponseEntry> RequestResponses);
