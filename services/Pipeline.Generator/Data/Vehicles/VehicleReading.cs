using Pipeline.Contracts.Events.VehicleTelemetry;

namespace Pipeline.Generator.Data.Vehicles;

/// <summary>
/// What a vehicle reports at one reading, rounded as the record carries it: the values of the contract's
/// <see cref="VehicleStatus"/> and <see cref="GpsInfo"/>, without an object per record.
/// </summary>
internal readonly record struct VehicleReading(
    double SpeedKmh,
    double EngineTempC,
    double FuelLevelPct,
    double BatteryVoltage,
    double OdometerKm,
    VehicleHealth Health,
    IReadOnlyList<string> ErrorCodes,
    double Latitude,
    double Longitude,
    double HeadingDeg,
    double AltitudeM,
    double AccuracyM);
