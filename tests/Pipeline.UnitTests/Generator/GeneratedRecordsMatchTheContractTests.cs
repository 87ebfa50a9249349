using System.Text.Json;
using Pipeline.Contracts.Events;
using Pipeline.Generator.Data.Json;
using Pipeline.UnitTests.Generator.Fakes;

namespace Pipeline.UnitTests.Generator;

/// <summary>
/// The built-in generators write their records field by field; each record is byte for byte what the contract's
/// serialiser (<see cref="EventsJsonContext"/>) writes for the event it holds: same names, order, omitted nulls,
/// enum names and number text.
/// </summary>
public sealed class GeneratedRecordsMatchTheContractTests
{
    [Theory]
    [InlineData(42, 100)]
    [InlineData(5, 20_000)]
    public void Vehicle_records_are_what_the_contract_serialises(int seed, double rate)
    {
        var records = GeneratedRecords.Take("vehicle_telemetry", 20_000, seed, rate);

        foreach (var record in records)
        {
            var reading = JsonSerializer.Deserialize(record, EventsJsonContext.Default.VehicleTelemetryEvent)!;
            Assert.Equal(Serialize(reading, EventsJsonContext.Default.VehicleTelemetryEvent), record);
        }

        // The sample is worth something only if it holds the rarer shapes too.
        Assert.Contains(records, r => r.AsSpan().IndexOf("\"error_codes\":[\""u8) >= 0);
    }

    [Theory]
    [InlineData(42, 100)]
    [InlineData(5, 20_000)]
    public void Clickstream_records_are_what_the_contract_serialises(int seed, double rate)
    {
        var records = GeneratedRecords.Take("clickstream", 20_000, seed, rate);

        foreach (var record in records)
        {
            var click = JsonSerializer.Deserialize(record, EventsJsonContext.Default.ClickstreamEvent)!;
            Assert.Equal(Serialize(click, EventsJsonContext.Default.ClickstreamEvent), record);
        }

        Assert.Contains(records, r => r.AsSpan().IndexOf("\"value\":"u8) >= 0);
        Assert.Contains(records, r => r.AsSpan().IndexOf("\"user_id\":"u8) < 0);
        Assert.Contains(records, r => r.AsSpan().IndexOf("\"referrer\":"u8) < 0);
    }

    private static byte[] Serialize<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, RecordJson.WriterOptions))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        return stream.ToArray();
    }
}
