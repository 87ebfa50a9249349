namespace Pipeline.LocalCloud.Events.Api;

/// <summary>DescribeRule answer.</summary>
internal sealed record DescribeRuleOutput(string Name, string Arn, string? EventPattern, string State, string? Description, string EventBusName, string CreatedBy);
