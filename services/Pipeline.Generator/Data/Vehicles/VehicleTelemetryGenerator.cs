using System.Text.Json;
using Bogus;
using Pipeline.Contracts.Events;
using Pipeline.Contracts.Events.VehicleTelemetry;
using Pipeline.Generator.Data.Json;

namespace Pipeline.Generator.Data.Vehicles;

/// <summary>
/// Readings of a simulated fleet for dataset <c>vehicle_telemetry</c>. Vehicles report in turn, so at a given rate each
/// one reports every <c>fleet size / rate</c> seconds of the simulated clock.
/// </summary>
public sealed class VehicleTelemetryGenerator : IRecordGenerator
{
    public const string DatasetName = "vehicle_telemetry";

    /// <summary>How often each vehicle reports when the fleet is sized from the rate.</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(5);

    private const int MaxFleetSize = 50_000;

    private readonly Randomizer _random;
    private readonly SimulatedVehicle[] _fleet;
    private int _next;

    public VehicleTelemetryGenerator(int seed, int fleetSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fleetSize, 1);
        _random = new Randomizer(seed);
        _fleet = new SimulatedVehicle[fleetSize];
        var vins = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fleetSize; i++)
        {
            var model = _random.Weighted(FleetCatalog.Models, m => m.Weight);
            var home = _random.Pick(FleetCatalog.Regions);
            string vin;
            do
            {
                vin = Vin.Generate(_random, model.Wmi);
            }
            while (!vins.Add(vin));

            _fleet[i] = new SimulatedVehicle(_random, model, home, vin);
        }
    }

    public int FleetSize => _fleet.Length;

    /// <summary>A fleet in which each vehicle reports every <see cref="ReportInterval"/> at <paramref name="rate"/> records/s.</summary>
    public static int FleetSizeFor(double rate) =>
        (int)Math.Clamp(Math.Round(rate * ReportInterval.TotalSeconds), 1, MaxFleetSize);

    /// <summary>
    /// Writes the record <see cref="VehicleTelemetryEvent"/> serialises to (same fields, order and number text), field
    /// by field from the reading: no event object, no string per field.
    /// </summary>
    public void Write(Utf8JsonWriter writer, DateTimeOffset eventTime)
    {
        var vehicle = _fleet[_next];
        _next = (_next + 1) % _fleet.Length;

        // The event id is drawn before the vehicle moves, as it always was: a seed keeps giving the same records.
        var eventId = _random.NextUuidV4();
        var reading = vehicle.Read(_random, eventTime);
        writer.WriteStartObject();
        writer.WriteUuid(Names.EventId, eventId);
        writer.WriteString(Names.EventTime, eventTime);
        writer.WriteString(Names.VehicleId, vehicle.VinJson);
        writer.WriteString(Names.Vendor, vehicle.Model.VendorJson);
        writer.WriteString(Names.Model, vehicle.Model.ModelJson);

        writer.WriteStartObject(Names.VehicleStatus);
        writer.WriteRounded(Names.SpeedKmh, reading.SpeedKmh, 1);
        writer.WriteRounded(Names.EngineTempC, reading.EngineTempC, 1);
        writer.WriteRounded(Names.FuelLevelPct, reading.FuelLevelPct, 2);
        writer.WriteRounded(Names.BatteryVoltage, reading.BatteryVoltage, 2);
        writer.WriteRounded(Names.OdometerKm, reading.OdometerKm, 2);
        writer.WriteString(Names.Status, Names.Health[(int)reading.Health]);
        writer.WriteStartArray(Names.ErrorCodes);
        foreach (var code in reading.ErrorCodes)
        {
            writer.WriteStringValue(code);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartObject(Names.GpsInfo);
        writer.WriteRounded(Names.Latitude, reading.Latitude, 6);
        writer.WriteRounded(Names.Longitude, reading.Longitude, 6);
        writer.WriteRounded(Names.HeadingDeg, reading.HeadingDeg, 1);
        writer.WriteRounded(Names.AltitudeM, reading.AltitudeM, 1);
        writer.WriteRounded(Names.AccuracyM, reading.AccuracyM, 1);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The contract's snake_case names (<see cref="EventsJsonContext"/>), encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText EventId = RecordJson.Encode("event_id");
        public static readonly JsonEncodedText EventTime = RecordJson.Encode("event_time");
        public static readonly JsonEncodedText VehicleId = RecordJson.Encode("vehicle_id");
        public static readonly JsonEncodedText Vendor = RecordJson.Encode("vendor");
        public static readonly JsonEncodedText Model = RecordJson.Encode("model");
        public static readonly JsonEncodedText VehicleStatus = RecordJson.Encode("vehicle_status");
        public static readonly JsonEncodedText SpeedKmh = RecordJson.Encode("speed_kmh");
        public static readonly JsonEncodedText EngineTempC = RecordJson.Encode("engine_temp_c");
        public static readonly JsonEncodedText FuelLevelPct = RecordJson.Encode("fuel_level_pct");
        public static readonly JsonEncodedText BatteryVoltage = RecordJson.Encode("battery_voltage");
        public static readonly JsonEncodedText OdometerKm = RecordJson.Encode("odometer_km");
        public static readonly JsonEncodedText Status = RecordJson.Encode("status");
        public static readonly JsonEncodedText ErrorCodes = RecordJson.Encode("error_codes");
        public static readonly JsonEncodedText GpsInfo = RecordJson.Encode("gps_info");
        public static readonly JsonEncodedText Latitude = RecordJson.Encode("latitude");
        public static readonly JsonEncodedText Longitude = RecordJson.Encode("longitude");
        public static readonly JsonEncodedText HeadingDeg = RecordJson.Encode("heading_deg");
        public static readonly JsonEncodedText AltitudeM = RecordJson.Encode("altitude_m");
        public static readonly JsonEncodedText AccuracyM = RecordJson.Encode("accuracy_m");
        public static readonly JsonEncodedText[] Health = RecordJson.EnumNames(EventsJsonContext.Default.VehicleHealth);
    }
}
