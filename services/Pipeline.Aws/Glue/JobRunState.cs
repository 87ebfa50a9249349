using System.Text.Json.Serialization;

namespace Pipeline.Aws.Glue;

/// <summary>A job run's state (API shape <c>JobRunState</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobRunState>))]
public enum JobRunState
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
