using System.Text.Json.Serialization;
using Pipeline.AwsShapes.Firehose;
using Pipeline.LocalCloud.Firehose.Api;

namespace Pipeline.LocalCloud.Firehose.Configuration;

/// <summary>
/// A stream as <c>config.json</c> keeps it: the destination exactly as it was given, so DescribeDeliveryStream
/// echoes it and a restart re-derives the same settings.
/// </summary>
internal sealed record StoredDeliveryStream(
    string Name,
    string Arn,
    long CreateTimestampMs,
    string VersionId,
    string DeliveryStreamType,
    DestinationKind DestinationKind,
    ExtendedS3DestinationConfiguration Destination)
{
    /// <summary>Tells this stream apart from an earlier one of the same name, for deterministic ids and keys.</summary>
    [JsonIgnore]
    public string Incarnation => $"{Arn}/{CreateTimestampMs}";
}
