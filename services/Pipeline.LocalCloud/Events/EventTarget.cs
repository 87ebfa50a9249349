namespace Pipeline.LocalCloud.Events;

/// <summary>A rule's target: where matching events go, and the constant JSON sent instead of the event when set.</summary>
public sealed record EventTarget(string Id, string Arn, string? Input);
