using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Events.Api;

/// <summary>EventBridge's JSON 1.1 shapes: member names as the model spells them, absent members omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PutRuleInput))]
[JsonSerializable(typeof(PutRuleOutput))]
[JsonSerializable(typeof(RuleNameInput))]
[JsonSerializable(typeof(DescribeRuleOutput))]
[JsonSerializable(typeof(ListRulesInput))]
[JsonSerializable(typeof(ListRulesOutput))]
[JsonSerializable(typeof(PutTargetsInput))]
[JsonSerializable(typeof(TargetsResultOutput))]
[JsonSerializable(typeof(ListTargetsByRuleInput))]
[JsonSerializable(typeof(ListTargetsByRuleOutput))]
[JsonSerializable(typeof(RemoveTargetsInput))]
[JsonSerializable(typeof(PutEventsInput))]
[JsonSerializable(typeof(PutEventsOutput))]
[JsonSerializable(typeof(EmptyOutput))]
internal sealed partial class EventsApiJsonContext : JsonSerializerContext;
