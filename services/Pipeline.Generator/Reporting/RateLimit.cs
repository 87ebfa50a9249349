using System.Text.Json.Serialization;

namespace Pipeline.Generator.Reporting;

/// <summary>What held a run below the rate it asked for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RateLimit>))]
public enum RateLimit
{
    /// <summary>The target rate was held.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>The endpoint: every call slot busy waiting for answers, or throttling answers.</summary>
    [JsonStringEnumMemberName("endpoint")]
    Endpoint,

    /// <summary>The generator itself (producing records), with call slots to spare and no throttling.</summary>
    [JsonStringEnumMemberName("generator")]
    Generator,
}
