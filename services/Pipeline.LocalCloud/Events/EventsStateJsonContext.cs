using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Events;

/// <summary>The bus's files: its rules and its queued deliveries.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredRule[]))]
[JsonSerializable(typeof(QueuedDelivery))]
internal sealed partial class EventsStateJsonContext : JsonSerializerContext;
