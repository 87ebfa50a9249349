namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>What a crawler reads; LocalCloud keeps only S3 targets.</summary>
internal sealed record CrawlerTargets
{
    public List<S3Target>? S3Targets { get; init; }
}
