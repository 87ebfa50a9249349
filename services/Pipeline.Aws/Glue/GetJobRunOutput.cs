namespace Pipeline.Aws.Glue;

internal sealed record GetJobRunOutput(JobRun? JobRun);
