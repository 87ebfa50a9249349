namespace Pipeline.Generator.Data.Vehicles;

/// <summary>The makes, models and depots a simulated fleet is drawn from.</summary>
public static class FleetCatalog
{
    public static readonly IReadOnlyList<VehicleModel> Models =
    [
        new("Volvo", "FH16", "YV2", VehicleClass.HeavyTruck, Powertrain.Diesel, 82, 90, 34, 700, 24, 10),
        new("Volvo", "FH Electric", "YV2", VehicleClass.HeavyTruck, Powertrain.Electric, 80, 90, 110, 540, 24, 2),
        new("Scania", "R500", "YS2", VehicleClass.HeavyTruck, Powertrain.Diesel, 82, 90, 31, 800, 24, 9),
        new("MAN", "TGX 18.510", "WMA", VehicleClass.HeavyTruck, Powertrain.Diesel, 82, 90, 30, 600, 24, 6),
        new("DAF", "XF 480", "XLR", VehicleClass.HeavyTruck, Powertrain.Diesel, 82, 90, 29, 580, 24, 6),
        new("Mercedes-Benz", "Actros 1845", "WDB", VehicleClass.HeavyTruck, Powertrain.Diesel, 82, 90, 30, 650, 24, 7),
        new("Mercedes-Benz", "Sprinter 316 CDI", "W1V", VehicleClass.Van, Powertrain.Diesel, 95, 160, 10, 93, 12, 8),
        new("Ford", "Transit", "WF0", VehicleClass.Van, Powertrain.Diesel, 95, 160, 9.5, 80, 12, 10),
        new("Ford", "E-Transit", "WF0", VehicleClass.Van, Powertrain.Electric, 90, 130, 30, 68, 12, 3),
        new("Volkswagen", "Crafter", "WV1", VehicleClass.Van, Powertrain.Diesel, 95, 160, 9, 75, 12, 5),
        new("Renault", "Master", "VF1", VehicleClass.Van, Powertrain.Diesel, 95, 150, 9.5, 80, 12, 4),
        new("Iveco", "Daily", "ZCF", VehicleClass.Van, Powertrain.Diesel, 95, 150, 10, 90, 12, 4),
        new("Tesla", "Model Y", "7SA", VehicleClass.Car, Powertrain.Electric, 105, 200, 17, 75, 12, 8),
        new("Tesla", "Model 3", "5YJ", VehicleClass.Car, Powertrain.Electric, 110, 200, 15, 60, 12, 5),
        new("Volvo", "XC60", "YV1", VehicleClass.Car, Powertrain.Petrol, 105, 180, 7.5, 71, 12, 4),
        new("Toyota", "Hilux", "AHT", VehicleClass.Car, Powertrain.Diesel, 95, 175, 8.5, 80, 12, 4),
        new("Ford", "F-150", "1FT", VehicleClass.Car, Powertrain.Petrol, 105, 180, 13, 98, 12, 4),
        new("Toyota", "Corolla", "JTD", VehicleClass.Car, Powertrain.Petrol, 105, 180, 6, 50, 12, 3),
    ];

    public static readonly IReadOnlyList<HomeRegion> Regions =
    [
        new("Gothenburg", 57.7089, 11.9746, 12),
        new("Stockholm", 59.3293, 18.0686, 28),
        new("Södertälje", 59.1955, 17.6253, 10),
        new("Hamburg", 53.5511, 9.9937, 8),
        new("Munich", 48.1351, 11.5820, 519),
        new("Rotterdam", 51.9244, 4.4777, 0),
        new("Paris", 48.8566, 2.3522, 35),
        new("Lyon", 45.7640, 4.8357, 173),
        new("Milan", 45.4642, 9.1900, 120),
        new("Madrid", 40.4168, -3.7038, 657),
        new("Warsaw", 52.2297, 21.0122, 100),
        new("Detroit", 42.3314, -83.0458, 190),
        new("Chicago", 41.8781, -87.6298, 181),
        new("Dallas", 32.7767, -96.7970, 131),
        new("Los Angeles", 34.0522, -118.2437, 89),
        new("Toronto", 43.6532, -79.3832, 76),
    ];
}
