namespace Pipeline.LocalCloud.Glue.Jobs.Api;

internal sealed record BatchStopJobRunResult(IReadOnlyList<BatchStopJobRunSuccessfulSubmission> SuccessfulSubmissions, IReadOnlyList<BatchStopJobRunError> Errors);
