using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Firehose.Configuration;

/// <summary>Which destination member the stream was created with; both deliver the same way.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DestinationKind>))]
internal enum DestinationKind
{
    ExtendedS3,
    S3,
}
