namespace Pipeline.LocalCloud.Firehose.Journal;

/// <summary>An accepted record: its position in the stream's journal, its approximate arrival time, its bytes.</summary>
internal sealed record JournalRecord(long Sequence, DateTimeOffset ArrivalTime, byte[] Data);
