using System.Text.Json.Serialization;
using Pipeline.AwsShapes;
using Pipeline.AwsShapes.Glue;

namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>
/// A crawler as <c>crawlers.json</c> keeps it: its definition and run state (GetCrawler's <see cref="Crawler"/>
/// members), and what only LocalCloud needs. <see cref="State"/> is a <see cref="CrawlerStateValues"/> value.
/// </summary>
internal sealed record StoredCrawler
{
    public required string Name { get; init; }

    public string? Role { get; init; }

    public CrawlerTargets? Targets { get; init; }

    public string? DatabaseName { get; init; }

    public string? Description { get; init; }

    public string? TablePrefix { get; init; }

    public SchemaChangePolicy? SchemaChangePolicy { get; init; }

    public RecrawlPolicy? RecrawlPolicy { get; init; }

    public string State { get; init; } = CrawlerStateValues.Ready;

    [JsonConverter(typeof(AwsEpochSecondsTimestampConverter))]
    public DateTimeOffset CreationTime { get; init; }

    [JsonConverter(typeof(AwsEpochSecondsTimestampConverter))]
    public DateTimeOffset LastUpdated { get; init; }

    /// <summary>The last finished crawl.</summary>
    public LastCrawlInfo? LastCrawl { get; init; }

    public long Version { get; init; }

    /// <summary>When the running crawl started; kept so that a restart can resume or cancel it.</summary>
    [JsonConverter(typeof(AwsEpochSecondsTimestampConverter))]
    public DateTimeOffset? CurrentCrawlStart { get; init; }

    /// <summary>What earlier crawls did, for GetCrawlerMetrics.</summary>
    public CrawlerRunStats? Stats { get; init; }
}

/// <summary>Run times of recent crawls (seconds, oldest first) and the table counts of the last finished one.</summary>
internal sealed record CrawlerRunStats
{
    public List<double> RecentRuntimes { get; init; } = [];

    public int TablesCreated { get; init; }

    public int TablesUpdated { get; init; }

    public int TablesDeleted { get; init; }
}
