namespace Pipeline.LocalCloud.Glue.Jobs.Api;

/// <summary>How many runs of a job may be STARTING or RUNNING at once; Glue's default is 1.</summary>
internal sealed record ExecutionProperty
{
    public int? MaxConcurrentRuns { get; init; }
}
