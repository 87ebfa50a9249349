namespace Pipeline.Aws.EventBridge;

/// <summary>The output of PutEvents: one entry per event sent, in order; failed entries are not an exception.</summary>
public sealed record PutEventsResult(int FailedEntryCount, IReadOnlyList<PutEventsResultEntry> Entries);
