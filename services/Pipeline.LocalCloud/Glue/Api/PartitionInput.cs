namespace Pipeline.LocalCloud.Glue.Api;

/// <summary>BatchCreatePartition's partition: its values in the order of the table's partition keys.</summary>
internal sealed record PartitionInput
{
    public List<string>? Values { get; init; }

    public double? LastAccessTime { get; init; }

    public StorageDescriptor? StorageDescriptor { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }
}
