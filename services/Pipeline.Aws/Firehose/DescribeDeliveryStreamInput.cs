namespace Pipeline.Aws.Firehose;

internal sealed record DescribeDeliveryStreamInput(string DeliveryStreamName);
