using System.Text.Json;
using Bogus;
using Pipeline.Contracts.Events.VehicleTelemetry;
using Pipeline.Generator.Data.Json;

namespace Pipeline.Generator.Data.Vehicles;

/// <summary>
/// One vehicle driving between waypoints around its depot. A reading reports the speed and heading it will hold until
/// the next reading, so each position is the previous one advanced by speed × elapsed time along the previous heading,
/// and the odometer grows by exactly that distance.
/// </summary>
internal sealed class SimulatedVehicle
{
    private const double WaypointRadiusKm = 150;
    private const double RefuelBelowPct = 6;

    private readonly VehicleModel _model;
    private readonly HomeRegion _home;
    private readonly string _vin;

    private double _latitude;
    private double _longitude;
    private double _headingDeg;
    private double _speedKmh;
    private double _cruiseKmh;
    private double _waypointLat;
    private double _waypointLon;
    private double _fuelPct;
    private double _odometerKm;
    private double _engineTempC;
    private double _altitudeM;
    private int _stopReadings;
    private DateTimeOffset? _lastReading;
    private VehicleHealth _health = VehicleHealth.Ok;
    private IReadOnlyList<string> _errorCodes = [];

    public SimulatedVehicle(Randomizer random, VehicleModel model, HomeRegion home, string vin)
    {
        _model = model;
        _home = home;
        _vin = vin;
        VinJson = RecordJson.Encode(vin);
        (_latitude, _longitude) = GeoMath.Destination(home.Latitude, home.Longitude, random.Double(0, 360), random.Double(0, 25_000));
        _latitude = Math.Round(_latitude, 6);
        _longitude = Math.Round(_longitude, 6);
        PickWaypoint(random);
        _headingDeg = Math.Round(GeoMath.BearingDeg(_latitude, _longitude, _waypointLat, _waypointLon), 1) % 360;
        _cruiseKmh = model.CruiseKmh * random.Double(0.75, 1.05);
        _speedKmh = Math.Round(random.Double(0, _cruiseKmh), 1);
        _fuelPct = random.Double(25, 100);
        _odometerKm = model.Class switch
        {
            VehicleClass.HeavyTruck => random.Double(20_000, 900_000),
            VehicleClass.Van => random.Double(5_000, 300_000),
            _ => random.Double(500, 180_000),
        };
        _engineTempC = model.Powertrain == Powertrain.Electric ? random.Double(25, 40) : random.Double(80, 95);
        _altitudeM = home.AltitudeM + random.Double(-20, 60);
    }

    public string Vin => _vin;

    /// <summary>The VIN as the record carries it, encoded once for the writer.</summary>
    public JsonEncodedText VinJson { get; }

    public VehicleModel Model => _model;

    public VehicleReading Read(Randomizer random, DateTimeOffset time)
    {
        if (_lastReading is { } last)
        {
            Drive(random, Math.Max(0, (time - last).TotalSeconds));
        }

        _lastReading = time;
        ChooseNextLeg(random);
        UpdateHealth(random);
        UpdateEngine(random);

        // The draws stay in the order they always had (battery, then GPS accuracy), so a seed gives the same records.
        var batteryVoltage = Math.Round(BatteryVoltage(random), 2);
        var accuracy = random.Chance(0.05) ? random.Double(15, 60) : random.Double(2, 9);
        return new VehicleReading(
            SpeedKmh: _speedKmh,
            EngineTempC: Math.Round(_engineTempC, 1),
            FuelLevelPct: Math.Round(_fuelPct, 2),
            BatteryVoltage: batteryVoltage,
            OdometerKm: Math.Round(_odometerKm, 2),
            Health: _health,
            ErrorCodes: _errorCodes,
            Latitude: _latitude,
            Longitude: _longitude,
            HeadingDeg: _headingDeg,
            AltitudeM: Math.Round(_altitudeM, 1),
            AccuracyM: Math.Round(accuracy, 1));
    }

    private void Drive(Randomizer random, double seconds)
    {
        var distanceM = _speedKmh / 3.6 * seconds;
        if (distanceM > 0)
        {
            var (lat, lon) = GeoMath.Destination(_latitude, _longitude, _headingDeg, distanceM);

            // Positions are reported to 6 decimals (~0.1 m); keeping the rounded value as the state means the next
            // leg starts exactly where a consumer saw this one end.
            _latitude = Math.Round(lat, 6);
            _longitude = Math.Round(lon, 6);
            _odometerKm += distanceM / 1000;
            _fuelPct -= distanceM / 1000 * _model.PercentPerKm;
            _altitudeM = Math.Clamp(_altitudeM + random.Gaussian(0, 0.02 * distanceM / 10), Math.Max(-400, _home.AltitudeM - 200), _home.AltitudeM + 800);
        }

        if (_model.Powertrain != Powertrain.Electric)
        {
            // Idling burns a little too (~1 l/h for a car, ~3 l/h for a truck).
            var idleLitresPerHour = _model.Class == VehicleClass.HeavyTruck ? 3 : 1;
            _fuelPct -= idleLitresPerHour * seconds / 3600 / _model.TankCapacity * 100;
        }

        if (_fuelPct < RefuelBelowPct)
        {
            _fuelPct = random.Double(90, 100);
            _stopReadings = Math.Max(_stopReadings, random.Number(2, 6));
        }

        _fuelPct = Math.Max(0, _fuelPct);
    }

    private void ChooseNextLeg(Randomizer random)
    {
        if (GeoMath.DistanceM(_latitude, _longitude, _waypointLat, _waypointLon) < 500)
        {
            PickWaypoint(random);
            _cruiseKmh = _model.CruiseKmh * random.Double(0.6, 1.1);
            if (random.Chance(0.5))
            {
                // A delivery, a pick-up or a break at the waypoint.
                _stopReadings = Math.Max(_stopReadings, random.Number(3, 20));
            }
        }
        else if (_stopReadings == 0 && random.Chance(0.015))
        {
            // Traffic lights, a queue, a junction.
            _stopReadings = random.Number(1, 5);
        }

        if (_stopReadings > 0)
        {
            _stopReadings--;
            _speedKmh = 0;
        }
        else
        {
            if (random.Chance(0.05))
            {
                _cruiseKmh = _model.CruiseKmh * random.Double(0.4, 1.1);
            }

            var next = _speedKmh + (_cruiseKmh - _speedKmh) * 0.35 + random.Gaussian(0, 3);
            _speedKmh = Math.Round(Math.Clamp(next, 0, _model.MaxKmh), 1);
        }

        if (_speedKmh > 0)
        {
            var bearing = GeoMath.BearingDeg(_latitude, _longitude, _waypointLat, _waypointLon);
            _headingDeg = GeoMath.NormaliseBearing(Math.Round(bearing + random.Gaussian(0, 1.5), 1));
            if (_headingDeg >= 360)
            {
                _headingDeg = 0;
            }
        }
    }

    private void UpdateHealth(Randomizer random)
    {
        if (_health == VehicleHealth.Ok)
        {
            // About one reading in twenty carries a fault: rare starts, faults that last ~10 readings.
            if (random.Chance(0.004))
            {
                _health = VehicleHealth.Warn;
                _errorCodes = random.ArrayElements(ObdCodes.Warnings, random.Chance(0.8) ? 1 : 2);
            }
            else if (random.Chance(0.001))
            {
                _health = VehicleHealth.Fail;
                _errorCodes = random.Chance(0.5)
                    ? [random.ArrayElement(ObdCodes.Failures)]
                    : [random.ArrayElement(ObdCodes.Failures), random.ArrayElement(ObdCodes.Warnings)];
            }
        }
        else if (random.Chance(0.1))
        {
            _health = VehicleHealth.Ok;
            _errorCodes = [];
        }
    }

    private void UpdateEngine(Randomizer random)
    {
        var overheating = _health == VehicleHealth.Fail && _errorCodes.Contains("P0217");
        var target = (_model.Powertrain, overheating) switch
        {
            (_, true) => 118,
            (Powertrain.Electric, _) => 30 + _speedKmh / 8,
            _ when _speedKmh == 0 => 84,
            _ => 90,
        };
        _engineTempC = Math.Clamp(_engineTempC + (target - _engineTempC) * 0.3 + random.Gaussian(0, 0.6), -40, 150);
    }

    private double BatteryVoltage(Randomizer random)
    {
        // Alternator (or DC-DC converter) charging while moving, resting voltage while stopped.
        var charging = _speedKmh > 0 || _model.Powertrain == Powertrain.Electric;
        var perCell = charging ? random.Double(2.3, 2.4) : random.Double(2.08, 2.13);
        var cells = _model.SystemVoltage / 2;
        return _health == VehicleHealth.Fail && _errorCodes.Contains("U0073") ? perCell * cells * 0.8 : perCell * cells;
    }

    private void PickWaypoint(Randomizer random)
    {
        var radius = _model.Class == VehicleClass.HeavyTruck ? WaypointRadiusKm : WaypointRadiusKm / 3;
        (_waypointLat, _waypointLon) = GeoMath.Destination(_home.Latitude, _home.Longitude, random.Double(0, 360), random.Double(2_000, radius * 1000));
    }
}
