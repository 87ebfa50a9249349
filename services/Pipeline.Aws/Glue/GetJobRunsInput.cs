namespace Pipeline.Aws.Glue;

internal sealed record GetJobRunsInput(string JobName, string? NextToken, int? MaxResults);
