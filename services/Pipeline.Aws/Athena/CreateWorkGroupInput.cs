namespace Pipeline.Aws.Athena;

internal sealed record CreateWorkGroupInput(string Name, WorkGroupConfiguration? Configuration, string? Description);
