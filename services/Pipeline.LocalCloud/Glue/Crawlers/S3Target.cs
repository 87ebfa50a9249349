namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>An S3 prefix a crawler reads, minus glob exclusions.</summary>
internal sealed record S3Target
{
    public string? Path { get; init; }

    public List<string>? Exclusions { get; init; }
}
