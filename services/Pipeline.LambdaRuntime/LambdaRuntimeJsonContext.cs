using System.Text.Json.Serialization;

namespace Pipeline.LambdaRuntime;

/// <summary>Source-generated JSON for what the runtime itself writes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LambdaError))]
internal sealed partial class LambdaRuntimeJsonContext : JsonSerializerContext;
