namespace Pipeline.Aws.Firehose;

internal sealed record PutRecordBatchInput(string DeliveryStreamName, IReadOnlyList<FirehoseRecord> Records);
