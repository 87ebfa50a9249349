namespace Pipeline.Generator.Data.Vehicles;

/// <summary>What moves a vehicle; decides what "fuel level" and "engine temperature" mean for it.</summary>
public enum Powertrain
{
    Diesel,
    Petrol,
    Electric,
}
