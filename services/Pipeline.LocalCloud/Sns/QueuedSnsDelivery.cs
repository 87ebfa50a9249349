namespace Pipeline.LocalCloud.Sns;

/// <summary>
/// An <see cref="SnsDelivery"/> as kept in <c>&lt;data&gt;/sns/deliveries.queue/</c> from Publish until it is delivered
/// or given up; the publisher's span as its W3C <c>traceparent</c>.
/// </summary>
internal sealed record QueuedSnsDelivery(
    string MessageId,
    string Protocol,
    string Endpoint,
    string Payload,
    string? Traceparent,
    DateTimeOffset AcceptedAt,
    int Attempts,
    int FunctionErrors,
    DateTimeOffset? NextAttemptAt);
