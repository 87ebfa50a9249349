namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record CreateDeliveryStreamOutput(string DeliveryStreamARN);
