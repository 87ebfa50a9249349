using System.Text.Json.Serialization;
using Pipeline.Contracts.Events.Clickstream;
using Pipeline.Contracts.Events.VehicleTelemetry;

namespace Pipeline.Contracts.Events;

/// <summary>Source-generated JSON for the dataset events: snake_case, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VehicleTelemetryEvent))]
[JsonSerializable(typeof(ClickstreamEvent))]
public sealed partial class EventsJsonContext : JsonSerializerContext;
