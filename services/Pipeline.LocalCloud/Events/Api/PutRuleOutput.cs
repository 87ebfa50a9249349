namespace Pipeline.LocalCloud.Events.Api;

/// <summary>PutRule answer.</summary>
internal sealed record PutRuleOutput(string RuleArn);
