namespace Pipeline.LocalCloud.Events;

/// <summary>A rule as kept in <c>&lt;data&gt;/events/rules.json</c>; its pattern is parsed again when it is read.</summary>
internal sealed record StoredRule(string Name, string? EventPattern, RuleState State, string? Description, IReadOnlyList<EventTarget> Targets);
