namespace Pipeline.LocalCloud.Events.Api;

/// <summary>DescribeRule and DeleteRule requests.</summary>
internal sealed record RuleNameInput(string? Name, string? EventBusName, bool? Force);
