using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Events.VehicleTelemetry;

/// <summary>Overall health a vehicle reports; producers send upper case, the transformer normalises to lower.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VehicleHealth>))]
public enum VehicleHealth
{
    [JsonStringEnumMemberName("OK")]
    Ok,

    [JsonStringEnumMemberName("WARN")]
    Warn,

    [JsonStringEnumMemberName("FAIL")]
    Fail,
}
