namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>A stored crawler definition; times are epoch seconds.</summary>
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

    public double CreationTime { get; init; }

    public double LastUpdated { get; init; }

    public long Version { get; init; }
}
