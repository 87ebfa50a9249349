namespace Pipeline.Aws.Athena;

internal sealed record GetWorkGroupOutput(WorkGroup? WorkGroup);
