namespace Pipeline.LocalCloud.Glue.Api;

/// <summary>A catalog table; times are epoch seconds.</summary>
internal sealed record Table
{
    public required string Name { get; init; }

    public required string DatabaseName { get; init; }

    public string? Description { get; init; }

    public string? Owner { get; init; }

    public double CreateTime { get; init; }

    public double UpdateTime { get; init; }

    public int? Retention { get; init; }

    public string? TableType { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }

    public List<Column>? PartitionKeys { get; init; }

    public StorageDescriptor? StorageDescriptor { get; init; }

    public string? CatalogId { get; init; }

    public bool IsRegisteredWithLakeFormation { get; init; }
}
