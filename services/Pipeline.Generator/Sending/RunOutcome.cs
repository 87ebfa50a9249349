using System.Text.Json.Serialization;

namespace Pipeline.Generator.Sending;

/// <summary>How a run ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunOutcome>))]
public enum RunOutcome
{
    /// <summary>Every record was delivered (or, in a dry run, written).</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>The run went to the end but some records finally failed.</summary>
    [JsonStringEnumMemberName("completed_with_failures")]
    CompletedWithFailures,

    /// <summary>A fatal error (no such stream, access denied, bad credentials) stopped the run.</summary>
    [JsonStringEnumMemberName("aborted")]
    Aborted,

    /// <summary>The user interrupted the run.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}
