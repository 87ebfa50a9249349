namespace Pipeline.LocalCloud.Firehose.Prefixes;

/// <summary>Where a dynamic-partitioning key comes from.</summary>
internal enum PartitionKeySource
{
    /// <summary><c>!{partitionKeyFromQuery:key}</c>: the stream's MetadataExtraction query over the record.</summary>
    Query,

    /// <summary><c>!{partitionKeyFromLambda:key}</c>: <c>metadata.partitionKeys</c> in the transformation response.</summary>
    Lambda,
}
