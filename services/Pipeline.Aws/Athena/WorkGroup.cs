namespace Pipeline.Aws.Athena;

/// <summary>A workgroup as GetWorkGroup reports it.</summary>
public sealed record WorkGroup
{
    public required string Name { get; init; }

    /// <summary><c>ENABLED</c> or <c>DISABLED</c>.</summary>
    public string? State { get; init; }

    public string? Description { get; init; }

    public WorkGroupConfiguration? Configuration { get; init; }
}
