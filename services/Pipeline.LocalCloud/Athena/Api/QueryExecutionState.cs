using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Athena.Api;

[JsonConverter(typeof(JsonStringEnumConverter<QueryExecutionState>))]
internal enum QueryExecutionState
{
    [JsonStringEnumMemberName("QUEUED")]
    Queued,

    [JsonStringEnumMemberName("RUNNING")]
    Running,

    [JsonStringEnumMemberName("SUCCEEDED")]
    Succeeded,

    [JsonStringEnumMemberName("FAILED")]
    Failed,

    [JsonStringEnumMemberName("CANCELLED")]
    Cancelled,
}
