namespace Pipeline.Contracts.Events.VehicleTelemetry;

/// <summary>Position of a vehicle at the time of a reading.</summary>
public sealed record GpsInfo(
    double Latitude,
    double Longitude,
    double HeadingDeg,
    double AltitudeM,
    double AccuracyM);
