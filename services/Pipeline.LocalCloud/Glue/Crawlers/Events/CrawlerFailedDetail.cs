using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Glue.Crawlers.Events;

/// <summary>The detail of <c>Glue Crawler State Change</c> when a crawl fails.</summary>
internal sealed record CrawlerFailedDetail(
    [property: JsonPropertyName("crawlerName")] string CrawlerName,
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("cloudWatchLogLink")] string CloudWatchLogLink,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("message")] string Message);
