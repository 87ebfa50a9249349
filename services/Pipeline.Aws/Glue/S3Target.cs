namespace Pipeline.Aws.Glue;

/// <summary>An S3 path a crawler reads, with glob exclusions.</summary>
public sealed record S3Target
{
    public required string Path { get; init; }

    public IReadOnlyList<string>? Exclusions { get; init; }
}
