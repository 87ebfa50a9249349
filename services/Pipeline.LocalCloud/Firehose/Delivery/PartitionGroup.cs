using Pipeline.LocalCloud.Firehose.Prefixes;

namespace Pipeline.LocalCloud.Firehose.Delivery;

/// <summary>The records of one delivery that share partition key values, bound for one object.</summary>
internal sealed class PartitionGroup(Dictionary<(PartitionKeySource, string), string> values)
{
    public Dictionary<(PartitionKeySource, string), string> Values { get; } = values;

    public List<ProcessedRecord> Records { get; } = [];
}
