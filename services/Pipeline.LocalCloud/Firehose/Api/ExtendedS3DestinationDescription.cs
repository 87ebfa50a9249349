using System.Text.Json;

namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record ExtendedS3DestinationDescription
{
    public required string RoleARN { get; init; }

    public required string BucketARN { get; init; }

    public string? Prefix { get; init; }

    public string? ErrorOutputPrefix { get; init; }

    public required BufferingHints BufferingHints { get; init; }

    public required string CompressionFormat { get; init; }

    public required JsonElement EncryptionConfiguration { get; init; }

    public required JsonElement CloudWatchLoggingOptions { get; init; }

    public ProcessingConfiguration? ProcessingConfiguration { get; init; }

    public required string S3BackupMode { get; init; }

    public JsonElement? DataFormatConversionConfiguration { get; init; }

    public DynamicPartitioningConfiguration? DynamicPartitioningConfiguration { get; init; }

    public string? FileExtension { get; init; }

    public string? CustomTimeZone { get; init; }
}
