namespace Pipeline.LocalCloud.Glue.Api;

/// <summary>CreateTable's and UpdateTable's table.</summary>
internal sealed record TableInput
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Owner { get; init; }

    public string? TableType { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }

    public List<Column>? PartitionKeys { get; init; }

    public StorageDescriptor? StorageDescriptor { get; init; }

    public int? Retention { get; init; }
}
