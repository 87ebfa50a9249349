namespace Pipeline.Generator.Data.Vehicles;

/// <summary>A depot a vehicle roams around: its centre and ground altitude.</summary>
public sealed record HomeRegion(string City, double Latitude, double Longitude, double AltitudeM);
