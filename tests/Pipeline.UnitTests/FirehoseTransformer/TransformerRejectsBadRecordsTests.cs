using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer.Transformation;

namespace Pipeline.UnitTests.FirehoseTransformer;

/// <summary>Bad records are ProcessingFailed with a clear reason and their original bytes, never lost or fatal.</summary>
public sealed class TransformerRejectsBadRecordsTests
{
    private readonly FirehoseRecordTransformer _transformer = new(DatasetCatalog.BuiltIn());

    public static TheoryData<string, byte[], string> BadRecords()
    {
        JsonObject Vehicle() => FirehoseEvents.FixtureObject("vehicle_telemetry-valid.json");
        byte[] With(Action<JsonObject> change)
        {
            var record = Vehicle();
            change(record);
            return FirehoseEvents.Bytes(record);
        }

        return new TheoryData<string, byte[], string>
        {
            { "empty", [], "record is empty" },
            { "whitespace", "  \n"u8.ToArray(), "record is empty" },
            { "invalid JSON", "{\"event_id\": "u8.ToArray(), "not valid JSON" },
            { "two JSON objects", "{}{}"u8.ToArray(), "not valid JSON" },
            { "invalid UTF-8", [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D], "not valid UTF-8" },
            { "array root", "[1,2]"u8.ToArray(), "must be a JSON object, got an array" },
            { "number as string", With(r => r["vehicle_status"]!["speed_kmh"] = "82.5"), "'vehicle_status.speed_kmh' must be a finite number, got a string" },
            { "string as number", With(r => r["vendor"] = 42), "'vendor' must be a string, got a number" },
            { "struct as string", With(r => r["gps_info"] = "57.7,11.9"), "'gps_info' must be an object, got a string" },
            { "missing top-level field", With(r => r.Remove("event_id")), "missing required field 'event_id'" },
            { "missing nested field", With(r => r["gps_info"]!.AsObject().Remove("latitude")), "missing required field 'gps_info.latitude'" },
            { "null required field", With(r => r["model"] = null), "missing required field 'model'" },
            { "out of range", With(r => r["gps_info"]!["latitude"] = 91.0), "'gps_info.latitude' is 91, above the maximum 90" },
            { "below range", With(r => r["vehicle_status"]!["fuel_level_pct"] = -1), "below the minimum 0" },
            { "unknown enum", With(r => r["vehicle_status"]!["status"] = "BROKEN"), "'vehicle_status.status' is 'BROKEN', not one of ok, warn, fail" },
            { "bad VIN", With(r => r["vehicle_id"] = "IOQ123"), "'vehicle_id' value 'IOQ123' does not match" },
            { "bad timestamp", With(r => r["event_time"] = "14/03/2026 09:26"), "'event_time' value '14/03/2026 09:26' is not an ISO-8601 timestamp" },
            { "array of wrong items", With(r => r["vehicle_status"]!["error_codes"] = new JsonArray(1, 2)), "'vehicle_status.error_codes[]' must be a string, got a number" },
            { "array item null", With(r => r["vehicle_status"]!["error_codes"] = new JsonArray((JsonNode?)null)), "'vehicle_status.error_codes' contains null" },
            { "string too long", With(r => r["model"] = new string('x', 65)), "'model' is longer than 64 characters" },
            { "duplicate field", Encoding.UTF8.GetBytes(Vehicle().ToJsonString().Replace("\"model\":\"FH16\"", "\"model\":\"FH16\",\"model\":\"FH12\"")), "'model' appears more than once" },
        };
    }

    [Theory]
    [MemberData(nameof(BadRecords))]
    public void A_bad_record_fails_with_a_reason_and_keeps_its_bytes(string name, byte[] data, string reason)
    {
        var input = FirehoseEvents.For(FirehoseEvents.VehicleStream, data);

        var outcome = _transformer.Transform(input);
        var (response, _) = FirehoseEvents.RoundTrip(outcome.Response);

        FirehoseEvents.AssertAnswersEachRecordOnce(input, response);
        var record = Assert.Single(response.Records);
        Assert.Equal(FirehoseRecordResult.ProcessingFailed, record.Result);
        Assert.Equal(data, Convert.FromBase64String(record.Data));
        var failure = Assert.Single(outcome.Failures);
        Assert.True(failure.Reason.Contains(reason, StringComparison.Ordinal), $"{name}: '{failure.Reason}' should contain '{reason}'");
    }

    [Fact]
    public void Invalid_base64_fails_without_data()
    {
        var input = FirehoseEvents.WithRawData(FirehoseEvents.VehicleStream, "not base64!!", Convert.ToBase64String(FirehoseEvents.Fixture("vehicle_telemetry-valid.json")));

        var outcome = _transformer.Transform(input);

        FirehoseEvents.AssertAnswersEachRecordOnce(input, outcome.Response);
        Assert.Equal(FirehoseRecordResult.ProcessingFailed, outcome.Response.Records[0].Result);
        Assert.Equal("", outcome.Response.Records[0].Data);
        Assert.Equal(FirehoseRecordResult.Ok, outcome.Response.Records[1].Result);
        Assert.Equal("record data is not valid base64", Assert.Single(outcome.Failures).Reason);
    }

    [Fact]
    public void A_stream_of_no_known_dataset_fails_every_record_and_names_the_stream()
    {
        var input = FirehoseEvents.For("arn:aws:firehose:us-east-1:000000000000:deliverystream/pipeline-test-unknown", FirehoseEvents.Fixture("vehicle_telemetry-valid.json"));

        var outcome = _transformer.Transform(input);

        Assert.Equal(FirehoseRecordResult.ProcessingFailed, Assert.Single(outcome.Response.Records).Result);
        Assert.Contains("pipeline-test-unknown", Assert.Single(outcome.Failures).Reason);
    }

    [Fact]
    public void An_event_without_records_fails_the_invocation_with_a_clear_message()
    {
        var input = System.Text.Json.JsonSerializer.Deserialize("""{"invocationId":"i","region":"us-east-1"}""", Pipeline.Contracts.Aws.AwsEventsJson.Context.FirehoseTransformationEvent)!;

        var error = Assert.Throws<InvalidDataException>(() => _transformer.Transform(input));

        Assert.Contains("'records'", error.Message);
    }

    [Fact]
    public void Good_and_bad_records_in_one_batch_are_answered_in_order()
    {
        var good = FirehoseEvents.Fixture("vehicle_telemetry-valid.json");
        var input = FirehoseEvents.For(FirehoseEvents.VehicleStream, good, "oops"u8.ToArray(), good);

        var results = _transformer.Transform(input).Response.Records.Select(r => r.Result);

        Assert.Equal([FirehoseRecordResult.Ok, FirehoseRecordResult.ProcessingFailed, FirehoseRecordResult.Ok], results);
    }
}
