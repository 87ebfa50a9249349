using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Events.Clickstream;

/// <summary>Form factor of a device.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeviceType>))]
public enum DeviceType
{
    [JsonStringEnumMemberName("desktop")]
    Desktop,

    [JsonStringEnumMemberName("mobile")]
    Mobile,

    [JsonStringEnumMemberName("tablet")]
    Tablet,
}
