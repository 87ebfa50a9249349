namespace Pipeline.LocalCloud.Firehose.Prefixes;

/// <summary><c>!{partitionKeyFromQuery:key}</c> or <c>!{partitionKeyFromLambda:key}</c>.</summary>
internal sealed record PartitionKeySegment(PartitionKeySource Source, string Key) : PrefixSegment;
