namespace Pipeline.LocalCloud.Glue.Jobs.Api;

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
