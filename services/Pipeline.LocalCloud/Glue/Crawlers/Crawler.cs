namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>A stored crawler definition and its run state; times are epoch seconds.</summary>
internal sealed record Crawler
{
    public required string Name { get; init; }

    public string? Role { get; init; }

    public CrawlerTargets? Targets { get; init; }

    public string? DatabaseName { get; init; }

    public string? Description { get; init; }

    public string? TablePrefix { get; init; }

    public SchemaChangePolicy? SchemaChangePolicy { get; init; }

    public RecrawlPolicy? RecrawlPolicy { get; init; }

    public CrawlerState State { get; init; }

    /// <summary>Milliseconds the running crawl has taken so far; set only on the wire, while RUNNING or STOPPING.</summary>
    public long? CrawlElapsedTime { get; init; }

    public double CreationTime { get; init; }

    public double LastUpdated { get; init; }

    /// <summary>The last finished crawl.</summary>
    public LastCrawlInfo? LastCrawl { get; init; }

    public long Version { get; init; }

    /// <summary>When the running crawl started (epoch seconds); kept in the file only, so a restart can cancel it.</summary>
    public double? CurrentCrawlStart { get; init; }

    /// <summary>What earlier crawls did, for GetCrawlerMetrics; kept in the file only.</summary>
    public CrawlerRunStats? Stats { get; init; }
}
