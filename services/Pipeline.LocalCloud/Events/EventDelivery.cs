using System.Diagnostics;

namespace Pipeline.LocalCloud.Events;

/// <summary>One event (or the target's constant input) on its way to one target, with how far its retries got.</summary>
/// <param name="Publisher">The span the event was put in; the delivery continues its trace.</param>
internal sealed record EventDelivery(string EventId, string RuleName, EventTarget Target, string Payload, ActivityContext Publisher = default)
{
    /// <summary>Its file in the delivery queue folder.</summary>
    public string? Key { get; init; }

    /// <summary>When the bus accepted the event: the start of its maximum event age.</summary>
    public DateTimeOffset AcceptedAt { get; init; }

    /// <summary>Attempts made, whatever their outcome.</summary>
    public int Attempts { get; init; }

    /// <summary>Attempts on which the function ran and failed.</summary>
    public int FunctionErrors { get; init; }

    /// <summary>When the next attempt is due; null when it is due at once.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }
}
