using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Athena.Api;

[JsonConverter(typeof(JsonStringEnumConverter<WorkGroupState>))]
internal enum WorkGroupState
{
    [JsonStringEnumMemberName("ENABLED")]
    Enabled,

    [JsonStringEnumMemberName("DISABLED")]
    Disabled,
}
