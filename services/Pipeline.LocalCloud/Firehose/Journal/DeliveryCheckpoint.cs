namespace Pipeline.LocalCloud.Firehose.Journal;

/// <summary><c>checkpoint.json</c>: every record up to this sequence number is delivered.</summary>
internal sealed record DeliveryCheckpoint(long DeliveredThrough);
