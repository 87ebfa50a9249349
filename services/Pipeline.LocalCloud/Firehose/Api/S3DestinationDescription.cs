using System.Text.Json;

namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record S3DestinationDescription
{
    public required string RoleARN { get; init; }

    public required string BucketARN { get; init; }

    public string? Prefix { get; init; }

    public string? ErrorOutputPrefix { get; init; }

    public required BufferingHints BufferingHints { get; init; }

    public required string CompressionFormat { get; init; }

    public required JsonElement EncryptionConfiguration { get; init; }

    public required JsonElement CloudWatchLoggingOptions { get; init; }
}
