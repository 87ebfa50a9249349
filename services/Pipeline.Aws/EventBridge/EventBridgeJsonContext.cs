using System.Text.Json.Serialization;

namespace Pipeline.Aws.EventBridge;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PutRuleRequest))]
[JsonSerializable(typeof(PutRuleOutput))]
[JsonSerializable(typeof(PutTargetsInput))]
[JsonSerializable(typeof(PutTargetsResult))]
[JsonSerializable(typeof(PutEventsInput))]
[JsonSerializable(typeof(PutEventsResult))]
internal sealed partial class EventBridgeJsonContext : JsonSerializerContext;
