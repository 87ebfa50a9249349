namespace Pipeline.Aws.Glue;

internal sealed record CreateJobOutput(string? Name);
