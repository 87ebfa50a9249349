namespace Pipeline.LocalCloud.Glue.Api;

/// <summary>
/// The members of every catalog request LocalCloud serves. The operations share member names and shapes, so one
/// record reads them all; members an operation does not have are simply absent from its body.
/// </summary>
internal sealed record GlueRequest
{
    public string? CatalogId { get; init; }

    public string? Name { get; init; }

    public string? DatabaseName { get; init; }

    public string? TableName { get; init; }

    public DatabaseInput? DatabaseInput { get; init; }

    public TableInput? TableInput { get; init; }

    public string? Expression { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    public List<PartitionInput>? PartitionInputList { get; init; }

    public List<string>? PartitionValues { get; init; }

    public List<PartitionValueList>? PartitionsToGet { get; init; }
}
