namespace Pipeline.LocalCloud.Events.Api;

/// <summary>RemoveTargets request.</summary>
internal sealed record RemoveTargetsInput(string? Rule, string? EventBusName, List<string?>? Ids, bool? Force);
