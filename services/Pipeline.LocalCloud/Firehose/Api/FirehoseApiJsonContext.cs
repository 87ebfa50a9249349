using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Firehose.Api;

/// <summary>Firehose's JSON 1.1 shapes: member names as the model spells them, absent members omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateDeliveryStreamInput))]
[JsonSerializable(typeof(CreateDeliveryStreamOutput))]
[JsonSerializable(typeof(DescribeDeliveryStreamInput))]
[JsonSerializable(typeof(DescribeDeliveryStreamOutput))]
[JsonSerializable(typeof(ListDeliveryStreamsInput))]
[JsonSerializable(typeof(ListDeliveryStreamsOutput))]
[JsonSerializable(typeof(DeleteDeliveryStreamInput))]
[JsonSerializable(typeof(PutRecordInput))]
[JsonSerializable(typeof(PutRecordOutput))]
[JsonSerializable(typeof(PutRecordBatchInput))]
[JsonSerializable(typeof(PutRecordBatchOutput))]
[JsonSerializable(typeof(EmptyOutput))]
internal sealed partial class FirehoseApiJsonContext : JsonSerializerContext;
