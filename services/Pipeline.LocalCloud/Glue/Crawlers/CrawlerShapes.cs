using System.Text.Json.Serialization;

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

/// <summary>What a crawler reads; LocalCloud keeps only S3 targets.</summary>
internal sealed record CrawlerTargets
{
    public List<S3Target>? S3Targets { get; init; }
}

/// <summary>An S3 prefix a crawler reads, minus glob exclusions.</summary>
internal sealed record S3Target
{
    public string? Path { get; init; }

    public List<string>? Exclusions { get; init; }
}

/// <summary>What a crawler does to tables whose data changed or vanished (UPDATE_IN_DATABASE, LOG, DEPRECATE_IN_DATABASE, …).</summary>
internal sealed record SchemaChangePolicy
{
    public string? UpdateBehavior { get; init; }

    public string? DeleteBehavior { get; init; }
}

/// <summary>Whether a crawl reads everything or only new folders (CRAWL_EVERYTHING, CRAWL_NEW_FOLDERS_ONLY, …).</summary>
internal sealed record RecrawlPolicy
{
    public string? RecrawlBehavior { get; init; }
}

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

/// <summary>How a crawl ended, as Glue spells it on the wire.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LastCrawlStatus>))]
internal enum LastCrawlStatus
{
    [JsonStringEnumMemberName("SUCCEEDED")]
    Succeeded,

    [JsonStringEnumMemberName("CANCELLED")]
    Cancelled,

    [JsonStringEnumMemberName("FAILED")]
    Failed,
}

/// <summary>The members of the crawler operations' outputs; unset members are omitted.</summary>
internal sealed record CrawlerResponse
{
    public Crawler? Crawler { get; init; }

    public IReadOnlyList<Crawler>? Crawlers { get; init; }

    public IReadOnlyList<string>? CrawlerNames { get; init; }

    public IReadOnlyList<CrawlerMetrics>? CrawlerMetricsList { get; init; }

    public string? NextToken { get; init; }
}
