using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Aws.S3;

/// <summary>One record of an S3 event notification (event version 2.x).</summary>
public sealed record S3EventRecord(
    string EventVersion,
    string EventSource,
    string AwsRegion,
    DateTimeOffset EventTime,
    string EventName,
    S3UserIdentity? UserIdentity,
    S3RequestParameters? RequestParameters,
    IReadOnlyDictionary<string, string>? ResponseElements,
    [property: JsonPropertyName("s3")] S3Entity S3);
