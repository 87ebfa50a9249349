using System.Text.Json.Serialization;
using Pipeline.Aws.Core;

namespace Pipeline.Aws.EventBridge;

/// <summary>One event for PutEvents; <see cref="Detail"/> is a JSON object as text.</summary>
public sealed record PutEventsRequestEntry
{
    public required string Source { get; init; }

    public required string DetailType { get; init; }

    public required string Detail { get; init; }

    public IReadOnlyList<string>? Resources { get; init; }

    public string? EventBusName { get; init; }

    [JsonConverter(typeof(AwsTimestampConverter))]
    public DateTimeOffset? Time { get; init; }

    public string? TraceHeader { get; init; }
}
