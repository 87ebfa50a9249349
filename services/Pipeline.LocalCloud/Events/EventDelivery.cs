using System.Diagnostics;

namespace Pipeline.LocalCloud.Events;

/// <summary>One event (or the target's constant input) on its way to one target.</summary>
/// <param name="Publisher">The span the event was put in; the delivery continues its trace.</param>
internal sealed record EventDelivery(string EventId, string RuleName, EventTarget Target, string Payload, ActivityContext Publisher = default);
