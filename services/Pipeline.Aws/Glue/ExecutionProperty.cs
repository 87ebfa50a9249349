namespace Pipeline.Aws.Glue;

/// <summary>How many runs of a job may run at once (default 1).</summary>
public sealed record ExecutionProperty(int? MaxConcurrentRuns);
