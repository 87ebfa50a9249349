using Pipeline.Contracts.Aws.Firehose;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer.Transformation;

namespace Pipeline.UnitTests.FirehoseTransformer;

/// <summary>Valid records come back normalised, with ingest_time and partition keys.</summary>
public sealed class TransformerNormalisesValidRecordsTests
{
    private readonly FirehoseRecordTransformer _transformer = new(DatasetCatalog.BuiltIn());

    [Fact]
    public void Vehicle_telemetry_is_normalised()
    {
        var input = FirehoseEvents.For(FirehoseEvents.VehicleStream, FirehoseEvents.Fixture("vehicle_telemetry-valid.json"));

        var record = Assert.Single(_transformer.Transform(input).Response.Records);

        Assert.Equal(FirehoseRecordResult.Ok, record.Result);
        var json = FirehoseEvents.DecodeJson(record);
        Assert.Equal("2026-03-14T08:26:53.589Z", (string?)json["event_time"]);
        Assert.Equal("Volvo", (string?)json["vendor"]);
        Assert.Equal("warn", (string?)json["vehicle_status"]!["status"]);
        Assert.Equal("P0301", (string?)json["vehicle_status"]!["error_codes"]![0]);
        Assert.Equal(82.5, (double)json["vehicle_status"]!["speed_kmh"]!);
        Assert.Equal("2026-03-14T10:00:00.123Z", (string?)json[RecordNormalizer.IngestTimeField]);
        Assert.Equal("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", (string?)json["traceparent"]);
        Assert.Equal("4.2.1", (string?)json["firmware"]);
        Assert.Equal("2026-03-14", record.Metadata!.PartitionKeys["event_date"]);
    }

    [Fact]
    public void Clickstream_is_normalised_and_keeps_non_ascii_text()
    {
        var input = FirehoseEvents.For(FirehoseEvents.ClickstreamStream, FirehoseEvents.Fixture("clickstream-valid.json"));

        var record = Assert.Single(_transformer.Transform(input).Response.Records);

        Assert.Equal(FirehoseRecordResult.Ok, record.Result);
        var json = FirehoseEvents.DecodeJson(record);
        Assert.Equal("add_to_cart", (string?)json["action"]);
        Assert.Equal("mobile", (string?)json["device"]!["type"]);
        Assert.Equal("München", (string?)json["geo"]!["city"]);
        Assert.Equal("2026-03-14T23:59:59.000Z", (string?)json["event_time"]);
        Assert.Null(json["user_id"]);
        Assert.Equal("2026-03-14", record.Metadata!.PartitionKeys["event_date"]);
    }

    [Fact]
    public void A_producer_supplied_ingest_time_is_replaced_by_the_arrival_time()
    {
        var fixture = FirehoseEvents.FixtureObject("clickstream-valid.json");
        fixture[RecordNormalizer.IngestTimeField] = "1999-01-01T00:00:00Z";

        var record = Assert.Single(_transformer.Transform(FirehoseEvents.For(FirehoseEvents.ClickstreamStream, FirehoseEvents.Bytes(fixture))).Response.Records);

        var json = FirehoseEvents.DecodeJson(record);
        Assert.Equal("2026-03-14T10:00:00.123Z", (string?)json[RecordNormalizer.IngestTimeField]);
    }

    [Fact]
    public void Schema_fields_come_first_in_schema_order()
    {
        var fixture = FirehoseEvents.FixtureObject("vehicle_telemetry-valid.json");
        var reordered = new System.Text.Json.Nodes.JsonObject();
        foreach (var (key, value) in fixture.Reverse())
        {
            reordered[key] = value?.DeepClone();
        }

        var record = Assert.Single(_transformer.Transform(FirehoseEvents.For(FirehoseEvents.VehicleStream, FirehoseEvents.Bytes(reordered))).Response.Records);

        var names = FirehoseEvents.DecodeJson(record).Select(p => p.Key).ToArray();
        Assert.Equal(["event_id", "event_time", "vehicle_id", "vendor", "model", "vehicle_status", "gps_info", "traceparent", "firmware", "ingest_time"], names);
    }
}
