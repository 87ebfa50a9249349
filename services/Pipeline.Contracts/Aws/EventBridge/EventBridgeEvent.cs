using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Aws.EventBridge;

/// <summary>The EventBridge envelope around a service event's <see cref="Detail"/>.</summary>
public sealed record EventBridgeEvent<TDetail>(
    string Version,
    string Id,
    [property: JsonPropertyName("detail-type")] string DetailType,
    string Source,
    string Account,
    DateTimeOffset Time,
    string Region,
    IReadOnlyList<string> Resources,
    TDetail Detail);
