using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Lambda.Api;

/// <summary>Source-generated JSON for the Lambda API's bodies; member names are Lambda's (PascalCase).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateFunctionInput))]
[JsonSerializable(typeof(UpdateFunctionCodeInput))]
[JsonSerializable(typeof(UpdateFunctionConfigurationInput))]
[JsonSerializable(typeof(ConcurrencyDocument))]
[JsonSerializable(typeof(FunctionConfigurationOutput))]
[JsonSerializable(typeof(GetFunctionOutput))]
[JsonSerializable(typeof(ListFunctionsOutput))]
[JsonSerializable(typeof(CreateEventSourceMappingInput))]
[JsonSerializable(typeof(UpdateEventSourceMappingInput))]
[JsonSerializable(typeof(EventSourceMappingOutput))]
[JsonSerializable(typeof(ListEventSourceMappingsOutput))]
internal sealed partial class LambdaApiJsonContext : JsonSerializerContext
{
    /// <summary>
    /// As AWS writes JSON: '+' in a base64 CodeSha256 stays '+' rather than <c>\u002B</c>. Safe because these
    /// bodies are only ever read as JSON, never embedded in HTML.
    /// </summary>
    public static LambdaApiJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
