using System.Text.Json.Serialization;
using Pipeline.Aws.Core;
using Pipeline.AwsShapes;

namespace Pipeline.Aws.Glue;

/// <summary>A catalog table as GetTables reports it.</summary>
public sealed record Table
{
    public required string Name { get; init; }

    public string? DatabaseName { get; init; }

    public string? TableType { get; init; }

    public StorageDescriptor? StorageDescriptor { get; init; }

    public IReadOnlyList<Column>? PartitionKeys { get; init; }

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    [JsonConverter(typeof(AwsEpochSecondsTimestampConverter))]
    public DateTimeOffset? CreateTime { get; init; }

    [JsonConverter(typeof(AwsEpochSecondsTimestampConverter))]
    public DateTimeOffset? UpdateTime { get; init; }
}
