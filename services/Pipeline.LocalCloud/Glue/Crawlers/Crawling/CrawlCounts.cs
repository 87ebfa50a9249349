namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>What one crawl changed in the catalog, for the Succeeded event and GetCrawlerMetrics.</summary>
internal sealed record CrawlCounts
{
    public static CrawlCounts None { get; } = new();

    public int TablesCreated { get; init; }

    public int TablesUpdated { get; init; }

    public int TablesDeleted { get; init; }

    public int PartitionsCreated { get; init; }

    public int PartitionsUpdated { get; init; }

    public int PartitionsDeleted { get; init; }

    public CrawlCounts Add(CrawlCounts other) => new()
    {
        TablesCreated = TablesCreated + other.TablesCreated,
        TablesUpdated = TablesUpdated + other.TablesUpdated,
        TablesDeleted = TablesDeleted + other.TablesDeleted,
        PartitionsCreated = PartitionsCreated + other.PartitionsCreated,
        PartitionsUpdated = PartitionsUpdated + other.PartitionsUpdated,
        PartitionsDeleted = PartitionsDeleted + other.PartitionsDeleted,
    };
}
