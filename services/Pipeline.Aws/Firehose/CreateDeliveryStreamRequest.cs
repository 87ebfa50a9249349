namespace Pipeline.Aws.Firehose;

/// <summary>The input of CreateDeliveryStream, for Direct PUT streams delivering to S3.</summary>
public sealed record CreateDeliveryStreamRequest
{
    /// <summary>The stream name (1–64 characters, unique per account and region).</summary>
    public required string DeliveryStreamName { get; init; }

    /// <summary>The source; producers call PutRecord/PutRecordBatch for <c>DirectPut</c>.</summary>
    public string? DeliveryStreamType { get; init; } = "DirectPut";

    /// <summary>The S3 destination.</summary>
    public ExtendedS3DestinationConfiguration? ExtendedS3DestinationConfiguration { get; init; }
}
