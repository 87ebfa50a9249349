namespace Pipeline.LocalCloud.Events;

/// <summary>
/// An <see cref="EventDelivery"/> as kept in <c>&lt;data&gt;/events/deliveries.queue/</c> from PutEvents until it is
/// delivered or given up; the publisher's span as its W3C <c>traceparent</c>.
/// </summary>
internal sealed record QueuedDelivery(
    string EventId,
    string RuleName,
    EventTarget Target,
    string Payload,
    string? Traceparent,
    DateTimeOffset AcceptedAt,
    int Attempts,
    int FunctionErrors,
    DateTimeOffset? NextAttemptAt);
