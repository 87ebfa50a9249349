using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Contracts.Aws;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.FirehoseTransformer;

/// <summary>Builds transformation events for tests and reads responses back the way Firehose would.</summary>
internal static class FirehoseEvents
{
    public const string VehicleStream = "arn:aws:firehose:us-east-1:000000000000:deliverystream/pipeline-test-vehicle_telemetry";
    public const string ClickstreamStream = "arn:aws:firehose:us-east-1:000000000000:deliverystream/pipeline-test-clickstream";
    public static readonly DateTimeOffset Arrival = new(2026, 3, 14, 10, 0, 0, 123, TimeSpan.Zero);

    public static FirehoseTransformationEvent For(string stream, params byte[][] records) =>
        new(
            "test-invocation",
            stream,
            "us-east-1",
            records.Select((data, i) => new FirehoseTransformationRecord($"record-{i}", Arrival.ToUnixTimeMilliseconds(), Convert.ToBase64String(data))).ToArray());

    public static FirehoseTransformationEvent WithRawData(string stream, params string[] base64) =>
        new(
            "test-invocation",
            stream,
            "us-east-1",
            base64.Select((data, i) => new FirehoseTransformationRecord($"record-{i}", Arrival.ToUnixTimeMilliseconds(), data)).ToArray());

    public static byte[] Fixture(string name) => File.ReadAllBytes(ReferenceFiles.Fixture("firehose", name));

    public static JsonObject FixtureObject(string name) => JsonNode.Parse(Fixture(name))!.AsObject();

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    public static JsonObject DecodeJson(FirehoseTransformedRecord record)
    {
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(record.Data));
        Assert.EndsWith("\n", text);
        Assert.Equal(1, text.Count(c => c == '\n'));
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Serialises the response as the function returns it and parses it back, as Firehose reads it.</summary>
    public static (FirehoseTransformationResponse Response, int Bytes) RoundTrip(FirehoseTransformationResponse response)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(response, AwsEventsJson.Context.FirehoseTransformationResponse);
        return (JsonSerializer.Deserialize(bytes, AwsEventsJson.Context.FirehoseTransformationResponse)!, bytes.Length);
    }

    /// <summary>The contract Firehose enforces on every response.</summary>
    public static void AssertAnswersEachRecordOnce(FirehoseTransformationEvent input, FirehoseTransformationResponse response)
    {
        Assert.Equal(input.Records.Select(r => r.RecordId), response.Records.Select(r => r.RecordId));
        foreach (var record in response.Records)
        {
            Assert.True(Enum.IsDefined(record.Result));
            Assert.NotNull(record.Data);
            _ = Convert.FromBase64String(record.Data);
        }
    }
}
