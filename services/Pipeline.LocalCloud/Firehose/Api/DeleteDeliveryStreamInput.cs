namespace Pipeline.LocalCloud.Firehose.Api;

internal sealed record DeleteDeliveryStreamInput
{
    public string? DeliveryStreamName { get; init; }

    public bool? AllowForceDelete { get; init; }
}
