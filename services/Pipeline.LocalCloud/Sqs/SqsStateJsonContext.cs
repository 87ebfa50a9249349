using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Sqs;

/// <summary>The saved state's shapes.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SqsQueueSnapshot[]))]
internal sealed partial class SqsStateJsonContext : JsonSerializerContext;
