namespace Pipeline.LocalCloud.Firehose;

/// <summary>Firehose's documented limits, as LocalCloud enforces them.</summary>
internal static class FirehoseLimits
{
    public const long MiB = 1024 * 1024;

    public const int MaxRecordsPerBatch = 500;

    /// <summary>1,000 KiB per record before base64; the model's <c>Data</c> max.</summary>
    public const int MaxRecordBytes = 1_024_000;

    /// <summary>4 MiB of record data per PutRecordBatch.</summary>
    public const long MaxBatchBytes = 4 * MiB;

    /// <summary>Lambda's synchronous request payload limit, envelope and base64 included.</summary>
    public const long MaxLambdaPayloadBytes = 6 * MiB;

    /// <summary>Dynamic partitioning: partitions per delivery; records of further partitions go to the error output.</summary>
    public const int MaxActivePartitions = 500;

    /// <summary>The one destination of a stream, as AWS numbers it.</summary>
    public const string DestinationId = "destinationId-000000000001";
}
