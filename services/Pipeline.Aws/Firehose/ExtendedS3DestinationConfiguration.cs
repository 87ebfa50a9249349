namespace Pipeline.Aws.Firehose;

/// <summary>An S3 destination with transformation, prefixes and partitioning (API shape <c>ExtendedS3DestinationConfiguration</c>).</summary>
public sealed record ExtendedS3DestinationConfiguration
{
    /// <summary>The role Firehose assumes to write the bucket and invoke processors.</summary>
    public required string RoleARN { get; init; }

    /// <summary>The bucket, as <c>arn:aws:s3:::name</c>.</summary>
    public required string BucketARN { get; init; }

    /// <summary>The key prefix; may hold <c>!{timestamp:…}</c> and partition-key expressions.</summary>
    public string? Prefix { get; init; }

    /// <summary>The key prefix for failed records; may hold <c>!{firehose:error-output-type}</c>.</summary>
    public string? ErrorOutputPrefix { get; init; }

    /// <summary>When to flush.</summary>
    public BufferingHints? BufferingHints { get; init; }

    /// <summary><c>UNCOMPRESSED</c>, <c>GZIP</c>, <c>ZIP</c>, <c>Snappy</c> or <c>HADOOP_SNAPPY</c>.</summary>
    public string? CompressionFormat { get; init; }

    /// <summary>Record transformation.</summary>
    public ProcessingConfiguration? ProcessingConfiguration { get; init; }

    /// <summary>Dynamic partitioning.</summary>
    public DynamicPartitioningConfiguration? DynamicPartitioningConfiguration { get; init; }

    /// <summary>The object-name suffix, e.g. <c>.json.gz</c>.</summary>
    public string? FileExtension { get; init; }

    /// <summary>The time zone of prefix timestamps (default UTC).</summary>
    public string? CustomTimeZone { get; init; }
}
