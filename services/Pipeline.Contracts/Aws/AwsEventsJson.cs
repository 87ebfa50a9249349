using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Aws;

/// <summary>
/// Serializer settings for AWS event payloads. Responses use relaxed escaping: the default encoder writes '+' as
/// <c>\u002B</c>, which makes base64 data (Firehose records) about 8% larger against Lambda's 6 MB limit.
/// </summary>
public static class AwsEventsJson
{
    /// <summary>The source-generated context with relaxed escaping; use it for everything a function returns.</summary>
    public static AwsEventsJsonContext Context { get; } = new(CreateOptions());

    private static JsonSerializerOptions CreateOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
