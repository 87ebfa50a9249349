namespace Pipeline.LocalCloud.Glue.Jobs.Api;

internal sealed record BatchStopJobRunSuccessfulSubmission(string JobName, string JobRunId);
