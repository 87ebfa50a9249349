using System.Text.Json;

namespace Pipeline.LocalCloud.Firehose.Api;

/// <summary>
/// The S3 destination as CreateDeliveryStream takes it, and as LocalCloud stores it to describe it later. Parts
/// LocalCloud only echoes (encryption, logging, backup, format conversion) stay raw JSON.
/// </summary>
internal sealed record ExtendedS3DestinationConfiguration
{
    public string? RoleARN { get; init; }

    public string? BucketARN { get; init; }

    public string? Prefix { get; init; }

    public string? ErrorOutputPrefix { get; init; }

    public BufferingHints? BufferingHints { get; init; }

    public string? CompressionFormat { get; init; }

    public JsonElement? EncryptionConfiguration { get; init; }

    public JsonElement? CloudWatchLoggingOptions { get; init; }

    public ProcessingConfiguration? ProcessingConfiguration { get; init; }

    public string? S3BackupMode { get; init; }

    public JsonElement? S3BackupConfiguration { get; init; }

    public JsonElement? DataFormatConversionConfiguration { get; init; }

    public DynamicPartitioningConfiguration? DynamicPartitioningConfiguration { get; init; }

    public string? FileExtension { get; init; }

    public string? CustomTimeZone { get; init; }
}
