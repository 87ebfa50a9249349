namespace Pipeline.Aws.Firehose;

internal sealed record PutRecordInput(string DeliveryStreamName, FirehoseRecord Record);
