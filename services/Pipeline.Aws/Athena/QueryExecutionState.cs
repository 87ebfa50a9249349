using System.Text.Json.Serialization;

namespace Pipeline.Aws.Athena;

/// <summary>A query's state.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QueryExecutionState>))]
public enum QueryExecutionState
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
