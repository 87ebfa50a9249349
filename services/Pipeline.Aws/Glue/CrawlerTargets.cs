namespace Pipeline.Aws.Glue;

/// <summary>What a crawler reads; the pipeline only crawls S3.</summary>
public sealed record CrawlerTargets
{
    public IReadOnlyList<S3Target>? S3Targets { get; init; }
}
