namespace Pipeline.LocalCloud.Firehose.Delivery;

/// <summary>Error codes of records that dynamic partitioning sends to the error output.</summary>
internal static class PartitioningErrorCodes
{
    /// <summary>A partition key could not be read from the record or the Lambda's metadata (AWS's code).</summary>
    public const string MetadataExtractionFailed = "DynamicPartitioning.MetadataExtractionFailed";

    /// <summary>The delivery already has 500 partitions (AWS's code).</summary>
    public const string ActivePartitionsLimitExceeded = "DynamicPartitioning.ActivePartitionsLimitExceeded";

    /// <summary>The prefix evaluated with the record's keys is longer than 512 characters (LocalCloud's code).</summary>
    public const string PrefixEvaluationFailed = "DynamicPartitioning.PrefixEvaluationFailed";
}
