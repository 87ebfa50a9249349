using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Glue.Crawlers.Events;

/// <summary>The detail of <c>Glue Crawler State Change</c> when a crawl starts; every value a string, as AWS sends.</summary>
internal sealed record CrawlerStartedDetail(
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("crawlerName")] string CrawlerName,
    [property: JsonPropertyName("startTime")] string StartTime,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("message")] string Message);
