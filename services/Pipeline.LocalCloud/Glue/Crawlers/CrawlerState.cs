using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Glue.Crawlers;

/// <summary>A crawler's state as Glue spells it on the wire.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CrawlerState>))]
internal enum CrawlerState
{
    [JsonStringEnumMemberName("READY")]
    Ready,

    [JsonStringEnumMemberName("RUNNING")]
    Running,

    [JsonStringEnumMemberName("STOPPING")]
    Stopping,
}
