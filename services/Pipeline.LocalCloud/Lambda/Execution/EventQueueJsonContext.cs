using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>The files of the Event invocation queue.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(QueuedEvent))]
internal sealed partial class EventQueueJsonContext : JsonSerializerContext;
