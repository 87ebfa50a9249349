using System.Diagnostics;
using System.Text.Json;
using Pipeline.Generator;
using Pipeline.Generator.Data;
using Pipeline.Generator.Sending;
using Pipeline.ServiceDefaults.Tracing;
using Pipeline.UnitTests.Generator.Fakes;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.Generator;

/// <summary>Each batch is a Producer span, and every record in it carries that span's traceparent.</summary>
public sealed class TraceParentTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_record_of_a_batch_carries_the_traceparent_of_the_batch_span()
    {
        using var spans = BatchSpans.Listen();
        var time = new PendingTimersTimeProvider(Start);
        var client = new FakeFirehoseClient(time);
        var dataset = GeneratedRecords.Dataset("vehicle_telemetry");
        var source = new RecordSource(dataset, new RecordSourceOptions { Seed = 3, Rate = 5_000 });
        var runner = new FirehoseLoadRunner(client, source, new LoadOptions { DeliveryStream = "s", Rate = 5_000, Count = 1_200 }, time);

        await SteppedRun.RunAsync(runner, time);

        var calls = client.Calls;
        Assert.True(calls.Count >= 3);
        var perCall = calls.Select(c => c.Records.Select(TraceParentOf).Distinct().ToList()).ToList();
        Assert.All(perCall, tps => Assert.Single(tps));
        Assert.Equal(calls.Count, perCall.Select(tps => tps[0]).Distinct().Count());
        foreach (var traceParent in perCall.Select(tps => tps[0]!))
        {
            Assert.True(TraceParent.TryParse(traceParent, out var context));
            var span = Assert.Single(spans.Stopped, a => a.TraceId == context.TraceId);
            Assert.Equal(context.SpanId, span.SpanId);
            Assert.Equal(ActivityKind.Producer, span.Kind);
            Assert.Equal(GeneratorTelemetry.SourceName, span.Source.Name);
            Assert.Equal(default, span.ParentSpanId);
        }

        Assert.All(calls.SelectMany(c => c.Records), r => Assert.Empty(RecordChecker.Problems(r, dataset)));
    }

    [Fact]
    public void Generated_records_carry_no_traceparent_until_a_batch_gives_them_one()
    {
        using var spans = BatchSpans.Listen();

        var records = GeneratedRecords.Parse(GeneratedRecords.Take("clickstream", 50));

        Assert.All(records, r => Assert.False(r.TryGetProperty(TraceParent.FieldName, out _)));
    }

    private static string? TraceParentOf(byte[] record)
    {
        using var document = JsonDocument.Parse(record);
        return document.RootElement.GetProperty(TraceParent.FieldName).GetString();
    }
}
