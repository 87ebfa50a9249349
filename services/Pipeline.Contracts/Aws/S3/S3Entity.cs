using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Aws.S3;

/// <summary>The bucket and object an S3 event is about.</summary>
public sealed record S3Entity(
    [property: JsonPropertyName("s3SchemaVersion")] string? S3SchemaVersion,
    string? ConfigurationId,
    S3BucketEntity Bucket,
    S3ObjectEntity Object);
