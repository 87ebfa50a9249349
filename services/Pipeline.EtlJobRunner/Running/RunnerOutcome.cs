namespace Pipeline.EtlJobRunner.Running;

/// <summary>The function's response: what it did, for logs and tests (EventBridge ignores it).</summary>
public sealed record RunnerOutcome(
    RunnerAction Action,
    string? Dataset = null,
    string? JobName = null,
    string? JobRunId = null);
