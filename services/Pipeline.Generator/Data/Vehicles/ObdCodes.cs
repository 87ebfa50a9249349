namespace Pipeline.Generator.Data.Vehicles;

/// <summary>Real OBD-II diagnostic trouble codes, split by how bad they are.</summary>
internal static class ObdCodes
{
    /// <summary>Faults a vehicle keeps driving with: a WARN.</summary>
    public static readonly string[] Warnings =
    [
        "P0128", // coolant thermostat below regulating temperature
        "P0171", // system too lean, bank 1
        "P0420", // catalyst efficiency below threshold
        "P0442", // evaporative emission system small leak
        "P0455", // evaporative emission system large leak
        "P0401", // EGR flow insufficient
        "P2463", // diesel particulate filter soot accumulation
        "B1342", // ECU internal fault (body)
        "C0035", // left front wheel speed sensor
        "U0100", // lost communication with ECM/PCM
        "P0A80", // replace hybrid/EV battery pack
    ];

    /// <summary>Faults that need the vehicle off the road: a FAIL.</summary>
    public static readonly string[] Failures =
    [
        "P0300", // random/multiple cylinder misfire
        "P0301", // cylinder 1 misfire
        "P0217", // engine over-temperature
        "P0087", // fuel rail pressure too low
        "P0524", // engine oil pressure too low
        "C0121", // ABS valve relay circuit
        "U0073", // control module communication bus off
    ];
}
