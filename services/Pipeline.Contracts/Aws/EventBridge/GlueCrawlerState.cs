using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Aws.EventBridge;

/// <summary>The crawler states EventBridge reports.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GlueCrawlerState>))]
public enum GlueCrawlerState
{
    Started,
    Succeeded,
    Failed,
}
