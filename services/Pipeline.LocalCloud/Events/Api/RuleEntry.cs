namespace Pipeline.LocalCloud.Events.Api;

/// <summary>A rule in ListRules.</summary>
internal sealed record RuleEntry(string Name, string Arn, string? EventPattern, string State, string? Description, string EventBusName);
