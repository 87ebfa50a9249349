namespace Pipeline.LocalCloud.Events.Api;

/// <summary>A target PutTargets or RemoveTargets did not take.</summary>
internal sealed record FailedTargetEntry(string? TargetId, string ErrorCode, string ErrorMessage);
