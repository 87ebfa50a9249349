using Pipeline.LocalCloud.Firehose.Journal;

namespace Pipeline.LocalCloud.Firehose.Delivery;

/// <summary>An accepted record after processing: the (possibly transformed) data to deliver, or why it failed.</summary>
internal sealed record ProcessedRecord(
    JournalRecord Source,
    RecordOutcome Outcome,
    ReadOnlyMemory<byte> Data,
    IReadOnlyDictionary<string, string>? PartitionKeys = null,
    RecordFailure? Failure = null)
{
    public static ProcessedRecord Unprocessed(JournalRecord source) => new(source, RecordOutcome.Ok, source.Data);

    public static ProcessedRecord Failing(JournalRecord source, RecordFailure failure) =>
        new(source, RecordOutcome.Failed, ReadOnlyMemory<byte>.Empty, null, failure);
}
