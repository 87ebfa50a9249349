namespace Pipeline.LocalCloud.Events.Api;

/// <summary>A target as PutTargets takes it and ListTargetsByRule answers it.</summary>
internal sealed record TargetEntry(string? Id, string? Arn, string? Input);
