using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Glue.Crawlers.Events;

/// <summary>The detail of <c>Glue Crawler State Change</c> when a crawl starts; every value a string, as AWS sends.</summary>
internal sealed record CrawlerStartedDetail(
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("crawlerName")] string CrawlerName,
    [property: JsonPropertyName("startTime")] string StartTime,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("message")] string Message);

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

/// <summary>The detail of <c>Glue Crawler State Change</c> when a crawl fails.</summary>
internal sealed record CrawlerFailedDetail(
    [property: JsonPropertyName("crawlerName")] string CrawlerName,
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("cloudWatchLogLink")] string CloudWatchLogLink,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("message")] string Message);

/// <summary>The crawler's event details, serialized without reflection.</summary>
[JsonSerializable(typeof(CrawlerStartedDetail))]
[JsonSerializable(typeof(CrawlerSucceededDetail))]
[JsonSerializable(typeof(CrawlerFailedDetail))]
internal sealed partial class CrawlerEventJsonContext : JsonSerializerContext;
