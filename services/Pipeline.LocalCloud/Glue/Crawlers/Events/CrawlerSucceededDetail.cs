using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Glue.Crawlers.Events;

/// <summary>The detail of <c>Glue Crawler State Change</c> when a crawl succeeds; counts and times are strings, as AWS sends them.</summary>
internal sealed record CrawlerSucceededDetail
{
    [JsonPropertyName("tablesCreated")]
    public required string TablesCreated { get; init; }

    [JsonPropertyName("warningMessage")]
    public required string WarningMessage { get; init; }

    [JsonPropertyName("partitionsUpdated")]
    public required string PartitionsUpdated { get; init; }

    [JsonPropertyName("tablesUpdated")]
    public required string TablesUpdated { get; init; }

    [JsonPropertyName("message")]
    public required string Message { get; init; }

    [JsonPropertyName("partitionsDeleted")]
    public required string PartitionsDeleted { get; init; }

    [JsonPropertyName("accountId")]
    public required string AccountId { get; init; }

    [JsonPropertyName("runningTime (sec)")]
    public required string RunningTimeSeconds { get; init; }

    [JsonPropertyName("tablesDeleted")]
    public required string TablesDeleted { get; init; }

    [JsonPropertyName("crawlerName")]
    public required string CrawlerName { get; init; }

    [JsonPropertyName("completionDate")]
    public required string CompletionDate { get; init; }

    [JsonPropertyName("state")]
    public required string State { get; init; }

    [JsonPropertyName("partitionsCreated")]
    public required string PartitionsCreated { get; init; }

    [JsonPropertyName("cloudWatchLogLink")]
    public required string CloudWatchLogLink { get; init; }
}
