using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Lambda.EventSources;

/// <summary>How mappings are saved in <c>&lt;data&gt;/lambda/event-source-mappings.json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<EventSourceMapping>))]
internal sealed partial class EventSourceMappingJsonContext : JsonSerializerContext;
