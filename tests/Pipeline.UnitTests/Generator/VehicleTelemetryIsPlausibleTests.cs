using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Generator.Data.Vehicles;
using Pipeline.UnitTests.Generator.Fakes;

namespace Pipeline.UnitTests.Generator;

/// <summary>
/// Vehicle readings look like a real fleet's: valid VINs, positions that follow from speed and heading, odometers that
/// only grow, fuel that only drops (until a refill), a few faults with OBD-II codes, and every value within the schema.
/// </summary>
public sealed class VehicleTelemetryIsPlausibleTests
{
    // 100 records/s: a fleet of 500 vehicles, each reporting every 5 s; 24 readings per vehicle.
    private static readonly List<JsonElement> Readings = GeneratedRecords.Parse(GeneratedRecords.Take("vehicle_telemetry", 12_000, seed: 11));

    [Fact]
    public void Every_reading_meets_the_schema()
    {
        var dataset = GeneratedRecords.Dataset("vehicle_telemetry");
        var records = GeneratedRecords.Take("vehicle_telemetry", 3_000, seed: 12);

        Assert.All(records, r => Assert.Empty(RecordChecker.Problems(r, dataset)));
    }

    [Fact]
    public void Vins_are_valid_with_a_correct_check_digit_and_unique_per_vehicle()
    {
        var vins = Readings.Select(r => r.GetProperty("vehicle_id").GetString()!).Distinct().ToList();

        Assert.Equal(VehicleTelemetryGenerator.FleetSizeFor(100), vins.Count);
        Assert.All(vins, vin =>
        {
            Assert.Matches("^[A-HJ-NPR-Z0-9]{17}$", vin);
            Assert.True(Vin.IsValid(vin), $"{vin} has a wrong check digit");
        });
    }

    [Fact]
    public void Each_vehicle_keeps_its_make_and_model_and_they_go_together()
    {
        var known = FleetCatalog.Models.Select(m => (m.Vendor, m.Model)).ToHashSet();
        foreach (var vehicle in Readings.GroupBy(r => r.GetProperty("vehicle_id").GetString()))
        {
            var makes = vehicle.Select(r => (r.GetProperty("vendor").GetString()!, r.GetProperty("model").GetString()!)).Distinct().ToList();
            Assert.Single(makes);
            Assert.Contains(makes[0], known);
        }
    }

    [Fact]
    public void Successive_positions_follow_from_speed_heading_and_elapsed_time()
    {
        var legs = 0;
        foreach (var (previous, next) in SuccessiveReadings())
        {
            var seconds = (Time(next) - Time(previous)).TotalSeconds;
            var speed = Status(previous, "speed_kmh") / 3.6;
            var (lat1, lon1) = Position(previous);
            var (lat2, lon2) = Position(next);
            var distance = GeoMath.DistanceM(lat1, lon1, lat2, lon2);

            // Positions are rounded to 6 decimals (~0.1 m), so allow half a metre.
            Assert.InRange(distance, speed * seconds - 0.5, speed * seconds + 0.5);
            if (distance > 20)
            {
                var bearing = GeoMath.BearingDeg(lat1, lon1, lat2, lon2);
                Assert.True(GeoMath.AngleBetween(bearing, Gps(previous, "heading_deg")) < 1, $"moved on {bearing:0.0}° but reported {Gps(previous, "heading_deg")}°");
                legs++;
            }

            // The odometer grows by the distance covered (reported to 10 m).
            Assert.InRange(Status(next, "odometer_km") - Status(previous, "odometer_km"), distance / 1000 - 0.011, distance / 1000 + 0.011);
        }

        Assert.True(legs > 6_000, $"only {legs} moving legs");
    }

    [Fact]
    public void Odometers_never_go_back_and_fuel_only_drops_until_a_refill()
    {
        foreach (var (previous, next) in SuccessiveReadings())
        {
            Assert.True(Status(next, "odometer_km") >= Status(previous, "odometer_km"));
            var fuelBefore = Status(previous, "fuel_level_pct");
            var fuelAfter = Status(next, "fuel_level_pct");
            Assert.True(fuelAfter <= fuelBefore || fuelAfter >= 90, $"fuel went from {fuelBefore} to {fuelAfter}");
        }
    }

    [Fact]
    public void A_few_percent_of_readings_report_faults_with_obd_codes_in_upper_case()
    {
        var statuses = Readings.Select(r => r.GetProperty("vehicle_status")).ToList();
        var faulty = statuses.Count(s => s.GetProperty("status").GetString() != "OK");

        Assert.All(statuses, s => Assert.Contains(s.GetProperty("status").GetString(), new[] { "OK", "WARN", "FAIL" }));
        Assert.InRange(faulty / (double)statuses.Count, 0.01, 0.12);
        Assert.Contains(statuses, s => s.GetProperty("status").GetString() == "FAIL");
        Assert.All(statuses, s =>
        {
            var codes = s.GetProperty("error_codes").EnumerateArray().Select(c => c.GetString()!).ToList();
            Assert.Equal(s.GetProperty("status").GetString() == "OK", codes.Count == 0);
            Assert.All(codes, c => Assert.Matches(new Regex("^[PBCU][0-9A-F]{4}$"), c));
        });
    }

    [Fact]
    public void Event_times_follow_the_simulated_clock()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Time(Readings[0]));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMilliseconds(119_990), Time(Readings[11_999]));
    }

    private static IEnumerable<(JsonElement Previous, JsonElement Next)> SuccessiveReadings() =>
        Readings.GroupBy(r => r.GetProperty("vehicle_id").GetString())
            .SelectMany(g => g.Zip(g.Skip(1)));

    private static DateTimeOffset Time(JsonElement reading) => reading.GetProperty("event_time").GetDateTimeOffset();

    private static double Status(JsonElement reading, string name) => reading.GetProperty("vehicle_status").GetProperty(name).GetDouble();

    private static double Gps(JsonElement reading, string name) => reading.GetProperty("gps_info").GetProperty(name).GetDouble();

    private static (double, double) Position(JsonElement reading) => (Gps(reading, "latitude"), Gps(reading, "longitude"));
}
