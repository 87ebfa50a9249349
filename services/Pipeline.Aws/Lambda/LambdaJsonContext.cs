using System.Text.Json.Serialization;

namespace Pipeline.Aws.Lambda;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateFunctionRequest))]
[JsonSerializable(typeof(UpdateFunctionCodeRequest))]
[JsonSerializable(typeof(UpdateFunctionConfigurationRequest))]
[JsonSerializable(typeof(FunctionConfiguration))]
[JsonSerializable(typeof(GetFunctionResponse))]
[JsonSerializable(typeof(CreateEventSourceMappingRequest))]
[JsonSerializable(typeof(EventSourceMapping))]
[JsonSerializable(typeof(ListEventSourceMappingsResponse))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext;
