namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>The members of the crawler operations' inputs: CreateCrawler's and UpdateCrawler's definition, the Name of Get/Start/Stop/DeleteCrawler, and paging.</summary>
internal sealed record CreateCrawlerRequest
{
    public string? Name { get; init; }

    public string? Role { get; init; }

    public string? DatabaseName { get; init; }

    public string? Description { get; init; }

    public CrawlerTargets? Targets { get; init; }

    public string? TablePrefix { get; init; }

    public SchemaChangePolicy? SchemaChangePolicy { get; init; }

    public RecrawlPolicy? RecrawlPolicy { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    /// <summary>GetCrawlerMetrics' filter.</summary>
    public List<string>? CrawlerNameList { get; init; }
}
