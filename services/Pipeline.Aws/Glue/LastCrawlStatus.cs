using System.Text.Json.Serialization;

namespace Pipeline.Aws.Glue;

/// <summary>How a crawler's last crawl ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LastCrawlStatus>))]
public enum LastCrawlStatus
{
    [JsonStringEnumMemberName("SUCCEEDED")]
    Succeeded,

    [JsonStringEnumMemberName("CANCELLED")]
    Cancelled,

    [JsonStringEnumMemberName("FAILED")]
    Failed,
}
