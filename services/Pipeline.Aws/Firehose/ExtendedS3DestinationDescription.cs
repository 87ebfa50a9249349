namespace Pipeline.Aws.Firehose;

/// <summary>An S3 destination as DescribeDeliveryStream reports it.</summary>
public sealed record ExtendedS3DestinationDescription
{
    /// <summary>The role Firehose assumes.</summary>
    public string? RoleARN { get; init; }

    /// <summary>The bucket ARN.</summary>
    public string? BucketARN { get; init; }

    /// <summary>The key prefix.</summary>
    public string? Prefix { get; init; }

    /// <summary>The key prefix for failed records.</summary>
    public string? ErrorOutputPrefix { get; init; }

    /// <summary>When to flush.</summary>
    public BufferingHints? BufferingHints { get; init; }

    /// <summary>The compression format.</summary>
    public string? CompressionFormat { get; init; }

    /// <summary>Record transformation.</summary>
    public ProcessingConfiguration? ProcessingConfiguration { get; init; }

    /// <summary>Dynamic partitioning.</summary>
    public DynamicPartitioningConfiguration? DynamicPartitioningConfiguration { get; init; }

    /// <summary>The object-name suffix.</summary>
    public string? FileExtension { get; init; }

    /// <summary>The time zone of prefix timestamps.</summary>
    public string? CustomTimeZone { get; init; }
}
