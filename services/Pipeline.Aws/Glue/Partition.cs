using System.Text.Json.Serialization;
using Pipeline.Aws.Core;
using Pipeline.AwsShapes;

namespace Pipeline.Aws.Glue;

/// <summary>A table partition: its values in partition-key order.</summary>
public sealed record Partition
{
    public required IReadOnlyList<string> Values { get; init; }

    public string? DatabaseName { get; init; }

    public string? TableName { get; init; }

    [JsonConverter(typeof(AwsEpochSecondsTimestampConverter))]
    public DateTimeOffset? CreationTime { get; init; }

    [JsonConverter(typeof(AwsEpochSecondsTimestampConverter))]
    public DateTimeOffset? LastAccessTime { get; init; }

    public StorageDescriptor? StorageDescriptor { get; init; }

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}
