namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record DescribeDeliveryStreamInput
{
    public string? DeliveryStreamName { get; init; }

    public int? Limit { get; init; }

    public string? ExclusiveStartDestinationId { get; init; }
}
