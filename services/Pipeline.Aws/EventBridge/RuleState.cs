using System.Text.Json.Serialization;

namespace Pipeline.Aws.EventBridge;

/// <summary>Whether a rule matches events.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RuleState>))]
public enum RuleState
{
    [JsonStringEnumMemberName("ENABLED")]
    Enabled,

    [JsonStringEnumMemberName("DISABLED")]
    Disabled,
}
