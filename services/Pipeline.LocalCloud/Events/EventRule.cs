using System.Text.Json.Serialization;
using Pipeline.LocalCloud.Events.Patterns;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Events;

// The default bus's rules, their targets, and what the bus keeps of them on disk.

/// <summary>A rule on the default bus. Immutable: PutRule and PutTargets replace it.</summary>
public sealed record EventRule(
    string Name,
    string Arn,
    string? EventPatternJson,
    EventPattern? Pattern,
    RuleState State,
    string? Description,
    IReadOnlyList<EventTarget> Targets);

/// <summary>A rule's target: where matching events go, and the constant JSON sent instead of the event when set.</summary>
public sealed record EventTarget(string Id, string Arn, string? Input);

/// <summary>Whether a rule matches events; the wire names are <c>ENABLED</c> and <c>DISABLED</c>.</summary>
public enum RuleState
{
    Enabled,
    Disabled,
}

/// <summary>A rule as kept in <c>&lt;data&gt;/events/rules.json</c>; its pattern is parsed again when it is read.</summary>
internal sealed record StoredRule(string Name, string? EventPattern, RuleState State, string? Description, IReadOnlyList<EventTarget> Targets);

/// <summary>One event (or the target's constant input) on its way to one target, kept in <c>&lt;data&gt;/events/deliveries.queue/</c>.</summary>
internal sealed record EventDelivery(string EventId, string RuleName, EventTarget Target, string Payload) : QueuedDelivery;

/// <summary>The bus's files: its rules and its queued deliveries.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredRule[]))]
[JsonSerializable(typeof(EventDelivery))]
internal sealed partial class EventsStateJsonContext : JsonSerializerContext;
