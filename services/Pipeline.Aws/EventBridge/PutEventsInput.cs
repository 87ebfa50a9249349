namespace Pipeline.Aws.EventBridge;

internal sealed record PutEventsInput(IReadOnlyList<PutEventsRequestEntry> Entries);
