using Pipeline.LocalCloud.Firehose.Prefixes;

namespace Pipeline.LocalCloud.Firehose.Configuration;

/// <summary>Everything delivery needs, validated and with defaults applied.</summary>
internal sealed record DeliveryStreamSettings
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    /// <summary>Stream ARN and creation time: seeds record ids, object uuids and random strings.</summary>
    public required string Incarnation { get; init; }

    public string VersionId { get; init; } = "1";

    public required string Bucket { get; init; }

    public required ResolvedPrefixes Prefixes { get; init; }

    public long BufferSizeBytes { get; init; } = 5 * FirehoseLimits.MiB;

    public TimeSpan BufferInterval { get; init; } = TimeSpan.FromSeconds(300);

    public ObjectCompression Compression { get; init; }

    /// <summary>Appended to every object key: FileExtension, else <c>.gz</c> for GZIP, else nothing.</summary>
    public string FileExtension { get; init; } = string.Empty;

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public LambdaProcessorSettings? Lambda { get; init; }

    public bool DynamicPartitioning { get; init; }

    public MetadataExtractionQuery? MetadataExtraction { get; init; }

    /// <summary>AppendDelimiterToRecord's delimiter, added after each delivered record.</summary>
    public byte[]? Delimiter { get; init; }
}
