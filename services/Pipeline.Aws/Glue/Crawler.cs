using System.Text.Json.Serialization;
using Pipeline.Aws.Core;
using Pipeline.AwsShapes;

namespace Pipeline.Aws.Glue;

/// <summary>A crawler as GetCrawler reports it.</summary>
public sealed record Crawler
{
    public required string Name { get; init; }

    public string? Role { get; init; }

    public CrawlerTargets? Targets { get; init; }

    public string? DatabaseName { get; init; }

    public CrawlerState? State { get; init; }

    public string? TablePrefix { get; init; }

    /// <summary>While <see cref="CrawlerState.Running"/>: milliseconds since the running crawl started.</summary>
    public long? CrawlElapsedTime { get; init; }

    [JsonConverter(typeof(AwsEpochSecondsTimestampConverter))]
    public DateTimeOffset? CreationTime { get; init; }

    [JsonConverter(typeof(AwsEpochSecondsTimestampConverter))]
    public DateTimeOffset? LastUpdated { get; init; }

    public LastCrawlInfo? LastCrawl { get; init; }

    public SchemaChangePolicy? SchemaChangePolicy { get; init; }

    public string? Configuration { get; init; }

    public long? Version { get; init; }
}
