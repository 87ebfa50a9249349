namespace Pipeline.Aws.EventBridge;

/// <summary>The outcome of one PutEvents entry: an event id, or an error.</summary>
public sealed record PutEventsResultEntry(string? EventId, string? ErrorCode, string? ErrorMessage);
