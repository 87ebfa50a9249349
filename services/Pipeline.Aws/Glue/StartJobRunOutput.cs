namespace Pipeline.Aws.Glue;

internal sealed record StartJobRunOutput(string? JobRunId);
