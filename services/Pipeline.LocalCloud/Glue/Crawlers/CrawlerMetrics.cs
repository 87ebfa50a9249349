namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>One entry of GetCrawlerMetrics.</summary>
internal sealed record CrawlerMetrics
{
    public required string CrawlerName { get; init; }

    public double TimeLeftSeconds { get; init; }

    public bool StillEstimating { get; init; }

    public double LastRuntimeSeconds { get; init; }

    public double MedianRuntimeSeconds { get; init; }

    public int TablesCreated { get; init; }

    public int TablesUpdated { get; init; }

    public int TablesDeleted { get; init; }
}
