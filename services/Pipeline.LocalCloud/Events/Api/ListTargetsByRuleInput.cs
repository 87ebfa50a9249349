namespace Pipeline.LocalCloud.Events.Api;

/// <summary>ListTargetsByRule request.</summary>
internal sealed record ListTargetsByRuleInput(string? Rule, string? EventBusName, string? NextToken, int? Limit);
