namespace Pipeline.Aws.Glue;

/// <summary>One page of GetJobRuns, newest first.</summary>
public sealed record GetJobRunsPage(IReadOnlyList<JobRun>? JobRuns, string? NextToken);
