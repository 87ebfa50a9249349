using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>An alarm's state (the model's <c>StateValue</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlarmState>))]
public enum AlarmState
{
    [JsonStringEnumMemberName("INSUFFICIENT_DATA")]
    InsufficientData,

    [JsonStringEnumMemberName("OK")]
    Ok,

    [JsonStringEnumMemberName("ALARM")]
    Alarm,
}
