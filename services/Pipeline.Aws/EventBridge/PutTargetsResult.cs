namespace Pipeline.Aws.EventBridge;

/// <summary>The output of PutTargets: a partly failed call is not an exception.</summary>
public sealed record PutTargetsResult(int FailedEntryCount, IReadOnlyList<PutTargetsResultEntry>? FailedEntries);
