namespace Pipeline.LocalCloud.Athena.Api;

internal sealed record ColumnInfo
{
    public string? CatalogName { get; init; }

    public string? SchemaName { get; init; }

    public string? TableName { get; init; }

    public required string Name { get; init; }

    public string? Label { get; init; }

    public required string Type { get; init; }

    public int? Precision { get; init; }

    public int? Scale { get; init; }

    /// <summary><c>NOT_NULL</c>, <c>NULLABLE</c> or <c>UNKNOWN</c>.</summary>
    public string? Nullable { get; init; }

    public bool? CaseSensitive { get; init; }
}
