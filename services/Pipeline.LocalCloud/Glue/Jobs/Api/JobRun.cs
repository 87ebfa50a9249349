namespace Pipeline.LocalCloud.Glue.Jobs.Api;

/// <summary>One run of a job, as GetJobRun answers it; also what LocalCloud persists.</summary>
internal sealed record JobRun
{
    public string? Id { get; init; }

    public int Attempt { get; init; }

    /// <summary>The run this one retries (Glue's automatic retries per MaxRetries, or after a LocalCloud crash).</summary>
    public string? PreviousRunId { get; init; }

    public string? JobName { get; init; }

    public double? StartedOn { get; init; }

    public double? LastModifiedOn { get; init; }

    public double? CompletedOn { get; init; }

    public JobRunState JobRunState { get; init; }

    public Dictionary<string, string>? Arguments { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>Whole seconds the run spent running.</summary>
    public int ExecutionTime { get; init; }

    /// <summary>Minutes.</summary>
    public int? Timeout { get; init; }

    public double? MaxCapacity { get; init; }

    public string? WorkerType { get; init; }

    public int? NumberOfWorkers { get; init; }

    public string? GlueVersion { get; init; }

    public string? LogGroupName { get; init; }
}
