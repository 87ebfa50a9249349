using System.Text.Json;
using Pipeline.Generator.Data.Json;

namespace Pipeline.Generator.Data.Vehicles;

/// <summary>A make and model with the figures that keep its readings plausible.</summary>
/// <param name="Wmi">World manufacturer identifier: the first three characters of its VINs.</param>
/// <param name="ConsumptionPer100Km">Litres (or kWh for electric) per 100 km.</param>
/// <param name="TankCapacity">Litres (or usable kWh for electric).</param>
/// <param name="SystemVoltage">Nominal low-voltage system: 24 V for heavy trucks, 12 V otherwise.</param>
/// <param name="Weight">How common the model is in a fleet, relative to the others.</param>
public sealed record VehicleModel(
    string Vendor,
    string Model,
    string Wmi,
    VehicleClass Class,
    Powertrain Powertrain,
    double CruiseKmh,
    double MaxKmh,
    double ConsumptionPer100Km,
    double TankCapacity,
    double SystemVoltage,
    double Weight)
{
    /// <summary>The vendor as the record carries it, encoded once for the writer.</summary>
    public JsonEncodedText VendorJson { get; } = RecordJson.Encode(Vendor);

    /// <summary>The model as the record carries it, encoded once for the writer.</summary>
    public JsonEncodedText ModelJson { get; } = RecordJson.Encode(Model);

    /// <summary>Fuel (or charge) used per kilometre, in percent of a full tank.</summary>
    public double PercentPerKm => ConsumptionPer100Km / TankCapacity;
}
