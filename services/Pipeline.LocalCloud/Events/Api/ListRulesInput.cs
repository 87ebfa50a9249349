namespace Pipeline.LocalCloud.Events.Api;

/// <summary>ListRules request.</summary>
internal sealed record ListRulesInput(string? NamePrefix, string? EventBusName, string? NextToken, int? Limit);
