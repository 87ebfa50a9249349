namespace Pipeline.LocalCloud.Glue.Api;

/// <summary>One partition's values, as BatchGetPartition names them.</summary>
internal sealed record PartitionValueList
{
    public List<string>? Values { get; init; }
}
