using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Sns;

/// <summary>messages.jsonl lines, topics.json and the queued deliveries.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SnsMessage))]
[JsonSerializable(typeof(SnsState))]
[JsonSerializable(typeof(QueuedSnsDelivery))]
internal sealed partial class SnsJsonContext : JsonSerializerContext;
