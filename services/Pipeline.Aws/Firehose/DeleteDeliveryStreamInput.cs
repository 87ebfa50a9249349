namespace Pipeline.Aws.Firehose;

internal sealed record DeleteDeliveryStreamInput(string DeliveryStreamName, bool? AllowForceDelete);
