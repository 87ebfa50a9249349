namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>The members of the crawler operations' outputs; unset members are omitted.</summary>
internal sealed record CrawlerResponse
{
    public Crawler? Crawler { get; init; }

    public IReadOnlyList<Crawler>? Crawlers { get; init; }

    public IReadOnlyList<string>? CrawlerNames { get; init; }

    public IReadOnlyList<CrawlerMetrics>? CrawlerMetricsList { get; init; }

    public string? NextToken { get; init; }
}
