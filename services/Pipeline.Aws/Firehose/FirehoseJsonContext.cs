using System.Text.Json.Serialization;
using Pipeline.Aws.Core;

namespace Pipeline.Aws.Firehose;

// AWS omits absent members rather than sending null, and expects the same of clients.
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PutRecordBatchInput))]
[JsonSerializable(typeof(PutRecordBatchResult))]
[JsonSerializable(typeof(PutRecordInput))]
[JsonSerializable(typeof(PutRecordResult))]
[JsonSerializable(typeof(CreateDeliveryStreamRequest))]
[JsonSerializable(typeof(CreateDeliveryStreamResult))]
[JsonSerializable(typeof(DescribeDeliveryStreamInput))]
[JsonSerializable(typeof(DescribeDeliveryStreamOutput))]
[JsonSerializable(typeof(ListDeliveryStreamsInput))]
[JsonSerializable(typeof(ListDeliveryStreamsResult))]
[JsonSerializable(typeof(DeleteDeliveryStreamInput))]
[JsonSerializable(typeof(AwsEmptyResponse))]
internal sealed partial class FirehoseJsonContext : JsonSerializerContext;
