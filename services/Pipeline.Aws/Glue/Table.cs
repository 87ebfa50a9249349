using System.Text.Json.Serialization;
using Pipeline.Aws.Core;

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

    [JsonConverter(typeof(AwsTimestampConverter))]
    public DateTimeOffset? CreateTime { get; init; }

    [JsonConverter(typeof(AwsTimestampConverter))]
    public DateTimeOffset? UpdateTime { get; init; }
}
