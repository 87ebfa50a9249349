namespace Pipeline.LocalCloud.Athena.Api;

internal sealed record WorkGroupSummary
{
    public required string Name { get; init; }

    public WorkGroupState State { get; init; }

    public string? Description { get; init; }

    public double CreationTime { get; init; }

    public EngineVersion? EngineVersion { get; init; }
}
