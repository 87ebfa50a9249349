namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record ListDeliveryStreamsInput
{
    public int? Limit { get; init; }

    public string? DeliveryStreamType { get; init; }

    public string? ExclusiveStartDeliveryStreamName { get; init; }
}
