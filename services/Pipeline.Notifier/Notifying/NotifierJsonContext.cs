using System.Text.Json.Serialization;

namespace Pipeline.Notifier.Notifying;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NotifierOutcome))]
[JsonSerializable(typeof(RunSummary))]
public sealed partial class NotifierJsonContext : JsonSerializerContext;
