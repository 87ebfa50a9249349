namespace Pipeline.LocalCloud.Firehose.Api;

/// <summary>AWS describes an extended S3 destination twice: in its extended and in its plain S3 shape.</summary>
internal sealed record DestinationDescription(
    string DestinationId,
    S3DestinationDescription S3DestinationDescription,
    ExtendedS3DestinationDescription ExtendedS3DestinationDescription);
