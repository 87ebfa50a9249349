using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Lambda.Functions;

/// <summary>Source-generated JSON for <c>function.json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FunctionDefinition))]
internal sealed partial class FunctionStoreJsonContext : JsonSerializerContext;
