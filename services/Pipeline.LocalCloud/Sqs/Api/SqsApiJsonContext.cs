using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Sqs.Api;

/// <summary>SQS's JSON 1.0 shapes: member names as the model spells them, absent members omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateQueueInput))]
[JsonSerializable(typeof(QueueUrlOutput))]
[JsonSerializable(typeof(GetQueueUrlInput))]
[JsonSerializable(typeof(QueueUrlInput))]
[JsonSerializable(typeof(GetQueueAttributesInput))]
[JsonSerializable(typeof(GetQueueAttributesOutput))]
[JsonSerializable(typeof(SendMessageInput))]
[JsonSerializable(typeof(SendMessageOutput))]
[JsonSerializable(typeof(SendMessageBatchInput))]
[JsonSerializable(typeof(SendMessageBatchOutput))]
[JsonSerializable(typeof(ReceiveMessageInput))]
[JsonSerializable(typeof(ReceiveMessageOutput))]
[JsonSerializable(typeof(DeleteMessageInput))]
[JsonSerializable(typeof(DeleteMessageBatchInput))]
[JsonSerializable(typeof(DeleteMessageBatchOutput))]
[JsonSerializable(typeof(ChangeMessageVisibilityInput))]
[JsonSerializable(typeof(ChangeMessageVisibilityBatchInput))]
[JsonSerializable(typeof(ChangeMessageVisibilityBatchOutput))]
[JsonSerializable(typeof(SetQueueAttributesInput))]
[JsonSerializable(typeof(ListQueuesInput))]
[JsonSerializable(typeof(ListQueuesOutput))]
[JsonSerializable(typeof(EmptyOutput))]
internal sealed partial class SqsApiJsonContext : JsonSerializerContext;
