namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record PutRecordBatchInput
{
    public string? DeliveryStreamName { get; init; }

    public IReadOnlyList<RecordEntry?>? Records { get; init; }
}
