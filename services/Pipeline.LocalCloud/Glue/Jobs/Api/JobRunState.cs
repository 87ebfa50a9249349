using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Glue.Jobs.Api;

/// <summary>The states a LocalCloud job run goes through (Glue's ERROR, WAITING and EXPIRED never happen here).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobRunState>))]
internal enum JobRunState
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
}
