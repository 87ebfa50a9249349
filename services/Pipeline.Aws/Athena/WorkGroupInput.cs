namespace Pipeline.Aws.Athena;

internal sealed record WorkGroupInput(string WorkGroup);
