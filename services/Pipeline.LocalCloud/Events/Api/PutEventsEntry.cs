namespace Pipeline.LocalCloud.Events.Api;

/// <summary>One PutEvents entry; Time is epoch seconds, as JSON 1.1 writes timestamps.</summary>
internal sealed record PutEventsEntry(string? Source, string? DetailType, string? Detail, List<string>? Resources, double? Time, string? EventBusName);
