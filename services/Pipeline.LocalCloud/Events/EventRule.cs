using Pipeline.LocalCloud.Events.Patterns;

namespace Pipeline.LocalCloud.Events;

/// <summary>A rule on the default bus. Immutable: PutRule and PutTargets replace it.</summary>
public sealed record EventRule(
    string Name,
    string Arn,
    string? EventPatternJson,
    EventPattern? Pattern,
    RuleState State,
    string? Description,
    IReadOnlyList<EventTarget> Targets);
