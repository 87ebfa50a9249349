namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record PutRecordInput
{
    public string? DeliveryStreamName { get; init; }

    public RecordEntry? Record { get; init; }
}
