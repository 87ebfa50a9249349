namespace Pipeline.Aws.Glue;

/// <summary>A database to create.</summary>
public sealed record DatabaseInput
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public string? LocationUri { get; init; }

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}
