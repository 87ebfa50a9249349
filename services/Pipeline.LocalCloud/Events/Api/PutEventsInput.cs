namespace Pipeline.LocalCloud.Events.Api;

/// <summary>PutEvents request.</summary>
internal sealed record PutEventsInput(List<PutEventsEntry?>? Entries);
