using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Aws.EventBridge;

/// <summary>Glue job-run states, as GetJobRun and the state-change events spell them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GlueJobRunState>))]
public enum GlueJobRunState
{
    [JsonStringEnumMemberName("STARTING")]
    Starting,

    [JsonStringEnumMemberName("RUNNING")]
    Running,

    [JsonStringEnumMemberName("STOPPING")]
    Stopping,

    [JsonStringEnumMemberName("STOPPED")]
    Stopped,

    [JsonStringEnumMemberName("SUCCEEDED")]
    Succeeded,

    [JsonStringEnumMemberName("FAILED")]
    Failed,

    [JsonStringEnumMemberName("TIMEOUT")]
    Timeout,

    [JsonStringEnumMemberName("ERROR")]
    Error,

    [JsonStringEnumMemberName("WAITING")]
    Waiting,

    [JsonStringEnumMemberName("EXPIRED")]
    Expired,
}
