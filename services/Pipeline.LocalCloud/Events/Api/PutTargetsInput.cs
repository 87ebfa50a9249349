namespace Pipeline.LocalCloud.Events.Api;

/// <summary>PutTargets request.</summary>
internal sealed record PutTargetsInput(string? Rule, string? EventBusName, List<TargetEntry?>? Targets);
