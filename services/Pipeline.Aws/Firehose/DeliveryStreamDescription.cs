using System.Text.Json.Serialization;
using Pipeline.Aws.Core;

namespace Pipeline.Aws.Firehose;

/// <summary>A stream as DescribeDeliveryStream reports it.</summary>
public sealed record DeliveryStreamDescription
{
    /// <summary>The stream name.</summary>
    public required string DeliveryStreamName { get; init; }

    /// <summary>The stream ARN.</summary>
    public string? DeliveryStreamARN { get; init; }

    /// <summary><c>CREATING</c>, <c>ACTIVE</c>, <c>DELETING</c>, <c>CREATING_FAILED</c> or <c>DELETING_FAILED</c>.</summary>
    public string? DeliveryStreamStatus { get; init; }

    /// <summary>The source type, e.g. <c>DirectPut</c>.</summary>
    public string? DeliveryStreamType { get; init; }

    /// <summary>The configuration version, for UpdateDestination.</summary>
    public string? VersionId { get; init; }

    /// <summary>When the stream was created.</summary>
    [JsonConverter(typeof(AwsTimestampConverter))]
    public DateTimeOffset? CreateTimestamp { get; init; }

    /// <summary>When the stream was last updated.</summary>
    [JsonConverter(typeof(AwsTimestampConverter))]
    public DateTimeOffset? LastUpdateTimestamp { get; init; }

    /// <summary>The destinations.</summary>
    public IReadOnlyList<DestinationDescription> Destinations { get; init; } = [];

    /// <summary>Whether more destinations exist than were returned.</summary>
    public bool? HasMoreDestinations { get; init; }
}
