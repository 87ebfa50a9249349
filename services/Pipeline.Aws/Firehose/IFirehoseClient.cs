using Pipeline.AwsShapes.Firehose;

namespace Pipeline.Aws.Firehose;

/// <summary>The Firehose operations producers use. Records are raw bytes; the client base64-encodes them on the wire.</summary>
public interface IFirehoseClient
{
    /// <summary>
    /// PutRecordBatch: at most 500 records and 4 MiB per call, each record at most 1,000 KiB. A partly failed
    /// batch is not an exception: check <see cref="PutRecordBatchOutput.FailedPutCount"/> and resend the failed entries.
    /// </summary>
    Task<PutRecordBatchOutput> PutRecordBatchAsync(
        string deliveryStreamName,
        IReadOnlyList<ReadOnlyMemory<byte>> records,
        CancellationToken cancellationToken = default);

    /// <summary>PutRecord: one record; returns its record id.</summary>
    Task<PutRecordOutput> PutRecordAsync(
        string deliveryStreamName,
        ReadOnlyMemory<byte> record,
        CancellationToken cancellationToken = default);
}
