namespace Pipeline.Aws.Firehose;

/// <summary>Dynamic partitioning: prefixes may use <c>!{partitionKeyFromQuery:…}</c> and <c>!{partitionKeyFromLambda:…}</c>.</summary>
public sealed record DynamicPartitioningConfiguration
{
    /// <summary>Whether dynamic partitioning is on; it cannot be turned on after creation.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Delivery retry options.</summary>
    public RetryOptions? RetryOptions { get; init; }
}
