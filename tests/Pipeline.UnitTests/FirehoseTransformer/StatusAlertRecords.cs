using System.Text.Json.Nodes;

namespace Pipeline.UnitTests.FirehoseTransformer;

/// <summary>Vehicle telemetry records with a given status and vendor, made from the valid fixture.</summary>
internal static class StatusAlertRecords
{
    public static byte[] Vehicle(string status, string vendor)
    {
        var record = FirehoseEvents.FixtureObject("vehicle_telemetry-valid.json");
        record["vendor"] = vendor;
        record["vehicle_status"]!["status"] = status;
        return FirehoseEvents.Bytes(record);
    }

    /// <summary>A record the transformer rejects (no vehicle_id) that still says FAIL.</summary>
    public static byte[] InvalidFailing(string vendor)
    {
        var record = JsonNode.Parse(Vehicle("FAIL", vendor))!.AsObject();
        record.Remove("vehicle_id");
        return FirehoseEvents.Bytes(record);
    }
}
