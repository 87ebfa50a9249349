namespace Pipeline.Aws.Firehose;

internal sealed record ListDeliveryStreamsInput(int? Limit, string? DeliveryStreamType, string? ExclusiveStartDeliveryStreamName);
