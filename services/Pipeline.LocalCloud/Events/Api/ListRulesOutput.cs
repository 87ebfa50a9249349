namespace Pipeline.LocalCloud.Events.Api;

/// <summary>ListRules answer.</summary>
internal sealed record ListRulesOutput(IReadOnlyList<RuleEntry> Rules, string? NextToken);
