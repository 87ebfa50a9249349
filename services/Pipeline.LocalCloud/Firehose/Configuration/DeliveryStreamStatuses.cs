namespace Pipeline.LocalCloud.Firehose.Configuration;

internal static class DeliveryStreamStatuses
{
    /// <summary>The DeliveryStreamStatus enum value of the API.</summary>
    public static string ToWire(this DeliveryStreamStatus status) => status switch
    {
        DeliveryStreamStatus.Active => "ACTIVE",
        DeliveryStreamStatus.Deleting => "DELETING",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
