using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Glue.Crawlers;

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
