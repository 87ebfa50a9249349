namespace Pipeline.Aws.Glue;

internal sealed record GetJobRunInput(string JobName, string RunId);
