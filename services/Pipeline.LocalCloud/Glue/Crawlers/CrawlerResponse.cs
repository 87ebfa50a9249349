namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>GetCrawler's and GetCrawlers' members; unset members are omitted.</summary>
internal sealed record CrawlerResponse
{
    public Crawler? Crawler { get; init; }

    public IReadOnlyList<Crawler>? Crawlers { get; init; }

    public string? NextToken { get; init; }
}
