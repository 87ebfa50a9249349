namespace Pipeline.Aws.Firehose;

/// <summary>The Firehose operations producers use. Records are raw bytes; the client base64-encodes them on the wire.</summary>
public interface IFirehoseClient
{
    /// <summary>
    /// PutRecordBatch: at most 500 records and 4 MiB per call, each record at most 1,000 KiB. A partly failed
    /// batch is not an exception: check <see cref="PutRecordBatchResult.FailedPutCount"/> and resend the failed entries.
    /// </summary>
    Task<PutRecordBatchResult> PutRecordBatchAsync(
        string deliveryStreamName,
        IReadOnlyList<ReadOnlyMemory<byte>> records,
        CancellationToken cancellationToken = default);

    /// <summary>PutRecord: one record; returns its record id.</summary>
    Task<PutRecordResult> PutRecordAsync(
        string deliveryStreamName,
        ReadOnlyMemory<byte> record,
        CancellationToken cancellationToken = default);
}
