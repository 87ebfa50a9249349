namespace Pipeline.LocalCloud.Glue.Api;

/// <summary>A table's partition; times are epoch seconds.</summary>
internal sealed record Partition
{
    public required List<string> Values { get; init; }

    public required string DatabaseName { get; init; }

    public required string TableName { get; init; }

    public double CreationTime { get; init; }

    public double? LastAccessTime { get; init; }

    public StorageDescriptor? StorageDescriptor { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }

    public string? CatalogId { get; init; }
}
