namespace Pipeline.LocalCloud.Events;

/// <summary>One event (or the target's constant input) on its way to one target.</summary>
internal sealed record EventDelivery(string EventId, string RuleName, EventTarget Target, string Payload);
