namespace Pipeline.LocalCloud.Events.Api;

/// <summary>An entry's result: an EventId, or an error.</summary>
internal sealed record PutEventsResultEntry(string? EventId, string? ErrorCode, string? ErrorMessage);
