namespace Pipeline.Aws.EventBridge;

internal sealed record PutTargetsInput(string Rule, string? EventBusName, IReadOnlyList<EventTarget> Targets);
