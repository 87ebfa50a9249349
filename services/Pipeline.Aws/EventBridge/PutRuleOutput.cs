namespace Pipeline.Aws.EventBridge;

internal sealed record PutRuleOutput(string? RuleArn);
