using System.Text.Json.Serialization;
using Pipeline.LocalCloud.Glue.Api;

namespace Pipeline.LocalCloud.Glue.Jobs.Api;

// Glue jobs' wire shapes: jobs, runs and their updates.

internal sealed record BatchStopJobRunError(string JobName, string JobRunId, ErrorDetail ErrorDetail);

internal sealed record BatchStopJobRunResult(IReadOnlyList<BatchStopJobRunSuccessfulSubmission> SuccessfulSubmissions, IReadOnlyList<BatchStopJobRunError> Errors);

internal sealed record BatchStopJobRunSuccessfulSubmission(string JobName, string JobRunId);

/// <summary>How many runs of a job may be STARTING or RUNNING at once; Glue's default is 1.</summary>
internal sealed record ExecutionProperty
{
    public int? MaxConcurrentRuns { get; init; }
}

/// <summary>A job definition as GetJob answers it; times are epoch seconds, as Glue's JSON protocol sends them.</summary>
internal sealed record Job
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? LogUri { get; init; }

    public string? Role { get; init; }

    public double? CreatedOn { get; init; }

    public double? LastModifiedOn { get; init; }

    public ExecutionProperty? ExecutionProperty { get; init; }

    public JobCommand? Command { get; init; }

    public Dictionary<string, string>? DefaultArguments { get; init; }

    public Dictionary<string, string>? NonOverridableArguments { get; init; }

    public int? MaxRetries { get; init; }

    public int? Timeout { get; init; }

    public double? MaxCapacity { get; init; }

    public string? WorkerType { get; init; }

    public int? NumberOfWorkers { get; init; }

    public string? GlueVersion { get; init; }

    public string? ExecutionClass { get; init; }
}

/// <summary>What a job runs: <see cref="Name"/> <c>glueetl</c>, and the script LocalCloud matches by file name.</summary>
internal sealed record JobCommand
{
    public string? Name { get; init; }

    public string? ScriptLocation { get; init; }

    public string? PythonVersion { get; init; }

    public string? Runtime { get; init; }
}

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

/// <summary>The states a LocalCloud job run goes through (Glue's ERROR, WAITING and EXPIRED never happen here).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobRunState>))]
internal enum JobRunState
{
    [JsonStringEnumMemberName("STARTING")]
    Starting,

    [JsonStringEnumMemberName("RUNNING")]
    Running,

    [JsonStringEnumMemberName("STOPPING")]
    Stopping,

    [JsonStringEnumMemberName("STOPPED")]
    Stopped,

    [JsonStringEnumMemberName("SUCCEEDED")]
    Succeeded,

    [JsonStringEnumMemberName("FAILED")]
    Failed,

    [JsonStringEnumMemberName("TIMEOUT")]
    Timeout,
}

/// <summary>A job's definition as CreateJob and UpdateJob take it; UpdateJob replaces the whole definition, as Glue does.</summary>
internal sealed record JobUpdate
{
    public string? Description { get; init; }

    public string? LogUri { get; init; }

    public string? Role { get; init; }

    public ExecutionProperty? ExecutionProperty { get; init; }

    public JobCommand? Command { get; init; }

    public Dictionary<string, string>? DefaultArguments { get; init; }

    public Dictionary<string, string>? NonOverridableArguments { get; init; }

    public int? MaxRetries { get; init; }

    public int? Timeout { get; init; }

    public double? MaxCapacity { get; init; }

    public string? WorkerType { get; init; }

    public int? NumberOfWorkers { get; init; }

    public string? GlueVersion { get; init; }

    public string? ExecutionClass { get; init; }
}

/// <summary>The members of every job operation's response; unset members are omitted.</summary>
internal sealed record JobsResponse
{
    public string? Name { get; init; }

    public string? JobName { get; init; }

    public Job? Job { get; init; }

    public IReadOnlyList<Job>? Jobs { get; init; }

    public IReadOnlyList<string>? JobNames { get; init; }

    public string? JobRunId { get; init; }

    public JobRun? JobRun { get; init; }

    public IReadOnlyList<JobRun>? JobRuns { get; init; }

    public IReadOnlyList<BatchStopJobRunSuccessfulSubmission>? SuccessfulSubmissions { get; init; }

    public IReadOnlyList<BatchStopJobRunError>? Errors { get; init; }

    public string? NextToken { get; init; }
}
