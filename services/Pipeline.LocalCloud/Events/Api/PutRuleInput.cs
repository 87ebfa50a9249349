namespace Pipeline.LocalCloud.Events.Api;

/// <summary>PutRule request.</summary>
internal sealed record PutRuleInput(string? Name, string? EventPattern, string? State, string? Description, string? ScheduleExpression, string? EventBusName);
