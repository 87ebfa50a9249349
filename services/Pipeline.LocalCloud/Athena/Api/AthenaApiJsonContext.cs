using System.Text.Json.Serialization;
using Pipeline.LocalCloud.Athena.Engine;

namespace Pipeline.LocalCloud.Athena.Api;

/// <summary>Athena's JSON 1.1 shapes and LocalCloud's Athena state file; absent members omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AthenaRequest))]
[JsonSerializable(typeof(AthenaResponse))]
[JsonSerializable(typeof(AthenaState))]
internal sealed partial class AthenaApiJsonContext : JsonSerializerContext;
