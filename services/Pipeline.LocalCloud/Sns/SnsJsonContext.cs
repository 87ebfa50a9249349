using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Sns;

/// <summary>messages.jsonl lines.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SnsMessage))]
internal sealed partial class SnsJsonContext : JsonSerializerContext;
