using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Firehose.Api;

/// <summary>CreateDeliveryStream's input; other destinations and sources land in <see cref="Other"/> and are refused.</summary>
internal sealed record CreateDeliveryStreamInput
{
    public string? DeliveryStreamName { get; init; }

    public string? DeliveryStreamType { get; init; }

    public ExtendedS3DestinationConfiguration? ExtendedS3DestinationConfiguration { get; init; }

    /// <summary>The older S3 destination: a subset of the extended one, read into the same shape.</summary>
    public ExtendedS3DestinationConfiguration? S3DestinationConfiguration { get; init; }

    // Settable, not init: System.Text.Json cannot bind extension data through the constructor an init accessor implies.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}
