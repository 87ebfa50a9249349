namespace Pipeline.LocalCloud.Firehose.Configuration;

/// <summary>The states a LocalCloud stream passes through; creation is synchronous, so there is no CREATING.</summary>
internal enum DeliveryStreamStatus
{
    Active,

    /// <summary>DeleteDeliveryStream is delivering what was accepted; new records are refused.</summary>
    Deleting,
}
