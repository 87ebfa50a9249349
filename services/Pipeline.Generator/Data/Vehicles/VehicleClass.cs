namespace Pipeline.Generator.Data.Vehicles;

/// <summary>Size class of a vehicle, which decides its electrical system and how far afield it roams.</summary>
public enum VehicleClass
{
    HeavyTruck,
    Van,
    Car,
}
