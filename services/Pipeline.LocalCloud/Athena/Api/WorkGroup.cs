namespace Pipeline.LocalCloud.Athena.Api;

/// <summary>A workgroup; <see cref="CreationTime"/> is epoch seconds, as the JSON protocol writes timestamps.</summary>
internal sealed record WorkGroup
{
    public required string Name { get; init; }

    public WorkGroupState State { get; init; }

    public WorkGroupConfiguration? Configuration { get; init; }

    public string? Description { get; init; }

    public double CreationTime { get; init; }
}
