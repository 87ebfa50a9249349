namespace Pipeline.Contracts.Events.VehicleTelemetry;

/// <summary>Engine and body state of a vehicle at the time of a reading.</summary>
public sealed record VehicleStatus(
    double SpeedKmh,
    double EngineTempC,
    double FuelLevelPct,
    double BatteryVoltage,
    double OdometerKm,
    VehicleHealth Status,
    IReadOnlyList<string> ErrorCodes);
