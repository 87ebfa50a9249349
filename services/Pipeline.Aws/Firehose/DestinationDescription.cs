namespace Pipeline.Aws.Firehose;

/// <summary>One destination of a stream; only the S3 kind the pipeline uses is read.</summary>
public sealed record DestinationDescription
{
    /// <summary>The destination id, e.g. <c>destinationId-000000000001</c>.</summary>
    public string? DestinationId { get; init; }

    /// <summary>The S3 destination, when that is the kind.</summary>
    public ExtendedS3DestinationDescription? ExtendedS3DestinationDescription { get; init; }
}
