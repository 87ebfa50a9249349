namespace Pipeline.Aws.EventBridge;

/// <summary>A target PutTargets could not add.</summary>
public sealed record PutTargetsResultEntry(string? TargetId, string? ErrorCode, string? ErrorMessage);
