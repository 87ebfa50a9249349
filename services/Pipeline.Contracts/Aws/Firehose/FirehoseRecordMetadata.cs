namespace Pipeline.Contracts.Aws.Firehose;

/// <summary>Values for <c>!{partitionKeyFromLambda:KEY}</c> prefix expressions.</summary>
public sealed record FirehoseRecordMetadata(IReadOnlyDictionary<string, string> PartitionKeys);
