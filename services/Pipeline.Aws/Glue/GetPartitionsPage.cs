namespace Pipeline.Aws.Glue;

/// <summary>One page of GetPartitions.</summary>
public sealed record GetPartitionsPage(IReadOnlyList<Partition>? Partitions, string? NextToken);
