using System.Text.Json.Serialization;

namespace Pipeline.Contracts.Aws.S3;

/// <summary>The message S3 sends to a destination when a notification configuration is set (PascalCase, unlike events).</summary>
public sealed record S3TestEvent(
    [property: JsonPropertyName("Service")] string Service,
    [property: JsonPropertyName("Event")] string Event,
    [property: JsonPropertyName("Time")] DateTimeOffset Time,
    [property: JsonPropertyName("Bucket")] string Bucket,
    [property: JsonPropertyName("RequestId")] string? RequestId,
    [property: JsonPropertyName("HostId")] string? HostId)
{
    public const string EventName = "s3:TestEvent";
}
