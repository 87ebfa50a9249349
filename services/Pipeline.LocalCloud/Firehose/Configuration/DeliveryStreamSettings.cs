using System.Text.Json.Serialization;
using Pipeline.AwsShapes.Firehose;
using Pipeline.LocalCloud.Firehose.Api;
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

/// <summary>
/// A stream as <c>config.json</c> keeps it: the destination exactly as it was given, so DescribeDeliveryStream
/// echoes it and a restart re-derives the same settings.
/// </summary>
internal sealed record StoredDeliveryStream(
    string Name,
    string Arn,
    long CreateTimestampMs,
    string VersionId,
    string DeliveryStreamType,
    DestinationKind DestinationKind,
    ExtendedS3DestinationConfiguration Destination)
{
    /// <summary>Tells this stream apart from an earlier one of the same name, for deterministic ids and keys.</summary>
    [JsonIgnore]
    public string Incarnation => $"{Arn}/{CreateTimestampMs}";
}

/// <summary>Which destination member the stream was created with; both deliver the same way.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DestinationKind>))]
internal enum DestinationKind
{
    ExtendedS3,
    S3,
}

/// <summary>The states a LocalCloud stream passes through; creation is synchronous, so there is no CREATING.</summary>
internal enum DeliveryStreamStatus
{
    Active,

    /// <summary>DeleteDeliveryStream is delivering what was accepted; new records are refused.</summary>
    Deleting,
}

internal static class DeliveryStreamStatuses
{
    /// <summary>The DeliveryStreamStatus enum value of the API.</summary>
    public static string ToWire(this DeliveryStreamStatus status) => status switch
    {
        DeliveryStreamStatus.Active => "ACTIVE",
        DeliveryStreamStatus.Deleting => "DELETING",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>The Lambda processor's parameters with AWS's defaults applied.</summary>
/// <param name="LambdaArn">The function to invoke (an ARN or a name).</param>
/// <param name="NumberOfRetries">Retries after a failed invocation (default 3).</param>
/// <param name="BufferSizeBytes">Record bytes per invocation (BufferSizeInMBs, 0.2–3 MB, default 1 MB).</param>
/// <param name="BufferInterval">Accepted and described, not used: LocalCloud invokes the function when it delivers.</param>
internal sealed record LambdaProcessorSettings(string LambdaArn, int NumberOfRetries, long BufferSizeBytes, TimeSpan BufferInterval);

/// <summary>The CompressionFormat values LocalCloud writes.</summary>
internal enum ObjectCompression
{
    Uncompressed,
    Gzip,
}
