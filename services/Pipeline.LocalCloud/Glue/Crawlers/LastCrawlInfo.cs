namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>The outcome of a crawler's last finished crawl; <see cref="StartTime"/> is epoch seconds.</summary>
internal sealed record LastCrawlInfo
{
    public LastCrawlStatus Status { get; init; }

    public string? ErrorMessage { get; init; }

    public string? LogGroup { get; init; }

    public string? LogStream { get; init; }

    public string? MessagePrefix { get; init; }

    public double StartTime { get; init; }
}
