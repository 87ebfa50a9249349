namespace Pipeline.LocalCloud.Events.Api;

/// <summary>ListTargetsByRule answer.</summary>
internal sealed record ListTargetsByRuleOutput(IReadOnlyList<TargetEntry> Targets, string? NextToken);
