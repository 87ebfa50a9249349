using System.Diagnostics;

namespace Pipeline.LocalCloud.Sns;

/// <summary>A message on its way to one Lambda or SQS subscription: the function or queue ARN, what it receives, and how far its retries got.</summary>
/// <param name="Publisher">The span the message was published in; the delivery continues its trace.</param>
internal sealed record SnsDelivery(string MessageId, string Protocol, string Endpoint, string Payload, ActivityContext Publisher = default)
{
    /// <summary>Its file in the delivery queue folder.</summary>
    public string? Key { get; init; }

    public DateTimeOffset AcceptedAt { get; init; }

    /// <summary>Attempts made, whatever their outcome.</summary>
    public int Attempts { get; init; }

    /// <summary>Attempts on which the subscribed function ran and failed.</summary>
    public int FunctionErrors { get; init; }

    /// <summary>When the next attempt is due; null when it is due at once.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }
}
