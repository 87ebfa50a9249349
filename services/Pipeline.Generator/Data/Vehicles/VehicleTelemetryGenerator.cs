using System.Text.Json;
using Bogus;
using Pipeline.Contracts.Events;

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

    public void Write(Utf8JsonWriter writer, DateTimeOffset eventTime)
    {
        var vehicle = _fleet[_next];
        _next = (_next + 1) % _fleet.Length;
        var reading = vehicle.Read(_random, eventTime, _random.UuidV4());
        JsonSerializer.Serialize(writer, reading, EventsJsonContext.Default.VehicleTelemetryEvent);
    }
}
