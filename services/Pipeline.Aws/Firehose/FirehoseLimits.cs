namespace Pipeline.Aws.Firehose;

/// <summary>Firehose's documented service limits for Direct PUT.</summary>
public static class FirehoseLimits
{
    public const int MaxRecordsPerBatch = 500;

    /// <summary>4 MiB for the whole PutRecordBatch request (record data, before base64).</summary>
    public const int MaxBatchBytes = 4 * 1024 * 1024;

    /// <summary>1,000 KiB per record, before base64.</summary>
    public const int MaxRecordBytes = 1000 * 1024;
}
