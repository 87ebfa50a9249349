namespace Pipeline.Contracts.Events.VehicleTelemetry;

/// <summary>One reading from a connected vehicle (dataset <c>vehicle_telemetry</c>).</summary>
public sealed record VehicleTelemetryEvent(
    string EventId,
    DateTimeOffset EventTime,
    string VehicleId,
    string Vendor,
    string Model,
    VehicleStatus VehicleStatus,
    GpsInfo GpsInfo,
    string? Traceparent);
