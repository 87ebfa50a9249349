using System.Text.Json.Serialization;
using Pipeline.Aws.Core;

namespace Pipeline.Aws.Sqs;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateQueueInput))]
[JsonSerializable(typeof(QueueUrlOutput))]
[JsonSerializable(typeof(GetQueueUrlInput))]
[JsonSerializable(typeof(GetQueueAttributesInput))]
[JsonSerializable(typeof(QueueAttributesOutput))]
[JsonSerializable(typeof(SetQueueAttributesInput))]
[JsonSerializable(typeof(SqsSendMessageRequest))]
[JsonSerializable(typeof(SqsSendMessageResult))]
[JsonSerializable(typeof(SqsReceiveMessageRequest))]
[JsonSerializable(typeof(ReceiveMessageOutput))]
[JsonSerializable(typeof(DeleteMessageInput))]
[JsonSerializable(typeof(AwsEmptyResponse))]
internal sealed partial class SqsJsonContext : JsonSerializerContext;
