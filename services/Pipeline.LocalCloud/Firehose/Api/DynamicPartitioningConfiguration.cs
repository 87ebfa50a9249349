namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record DynamicPartitioningConfiguration
{
    public RetryOptions? RetryOptions { get; init; }

    public bool? Enabled { get; init; }
}
