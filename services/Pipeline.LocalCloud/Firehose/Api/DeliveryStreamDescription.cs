namespace Pipeline.LocalCloud.Firehose.Api;

/// <summary>DescribeDeliveryStream's description; <see cref="CreateTimestamp"/> is epoch seconds, as the JSON protocol writes timestamps.</summary>
internal sealed record DeliveryStreamDescription(
    string DeliveryStreamName,
    string DeliveryStreamARN,
    string DeliveryStreamStatus,
    DeliveryStreamEncryptionConfiguration DeliveryStreamEncryptionConfiguration,
    string DeliveryStreamType,
    string VersionId,
    double CreateTimestamp,
    IReadOnlyList<DestinationDescription> Destinations,
    bool HasMoreDestinations);
