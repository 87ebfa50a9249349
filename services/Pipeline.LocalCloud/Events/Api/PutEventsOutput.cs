namespace Pipeline.LocalCloud.Events.Api;

/// <summary>PutEvents answer.</summary>
internal sealed record PutEventsOutput(int FailedEntryCount, IReadOnlyList<PutEventsResultEntry> Entries);
