using Pipeline.LocalCloud.Firehose.Journal;

namespace Pipeline.LocalCloud.Firehose.Transformation;

/// <summary>A record in a transformation invocation, under the record id PutRecord returned for it.</summary>
internal sealed record BatchRecord(string RecordId, JournalRecord Record);
