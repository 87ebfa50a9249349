using System.Text.Json.Serialization;

namespace Pipeline.Aws.Glue;

/// <summary>A crawler's state as GetCrawler reports it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CrawlerState>))]
public enum CrawlerState
{
    [JsonStringEnumMemberName("READY")]
    Ready,

    [JsonStringEnumMemberName("RUNNING")]
    Running,

    [JsonStringEnumMemberName("STOPPING")]
    Stopping,
}
