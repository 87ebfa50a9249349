namespace Pipeline.Contracts.Datasets;

/// <summary>
/// A partition key the transformer returns in <c>metadata.partitionKeys</c>, taken from a field of the
/// normalised record (a dotted path), optionally formatted when the field is a timestamp.
/// </summary>
public sealed record PartitionKeyDefinition
{
    public string Name { get; set; } = "";

    public string Field { get; set; } = "";

    /// <summary>A .NET date format (for example <c>yyyy-MM-dd</c>) applied to a timestamp field.</summary>
    public string? Format { get; set; }
}
