namespace Pipeline.LocalCloud.Events.Api;

/// <summary>PutTargets and RemoveTargets answer.</summary>
internal sealed record TargetsResultOutput(int FailedEntryCount, IReadOnlyList<FailedTargetEntry> FailedEntries);
