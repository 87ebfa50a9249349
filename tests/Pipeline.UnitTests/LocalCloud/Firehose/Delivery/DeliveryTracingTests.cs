using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Pipeline.LocalCloud.Firehose;
using Pipeline.ServiceDefaults.Tracing;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Delivery;

/// <summary>A delivery is a span linked to the distinct producer spans its records carry (capped); each Lambda invocation a child span.</summary>
public sealed class DeliveryTracingTests : IDisposable
{
    private readonly ConcurrentBag<Activity> _activities = [];
    private readonly ActivityListener _listener;

    public DeliveryTracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Pipeline.LocalCloud.Firehose",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task The_delivery_span_links_each_distinct_traceparent_once_and_parents_the_invocation()
    {
        var stream = "traced-" + Guid.NewGuid().ToString("N")[..8];
        await using var bed = new FirehoseTestBed();
        await bed.CreateAsync(stream, Destination(processing: Lambda()));
        var producerA = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var producerB = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        await bed.PutAsync(stream, Traced(producerA, 1), Traced(producerB, 2), Traced(producerA, 3), "not json");

        await bed.Service.FlushAsync(stream);

        var delivery = Assert.Single(_activities, a => a.OperationName == "Firehose deliver" && Equals(a.GetTagItem("aws.firehose.delivery_stream"), stream));
        Assert.Equal([(producerA.TraceId, producerA.SpanId), (producerB.TraceId, producerB.SpanId)], delivery.Links.Select(l => (l.Context.TraceId, l.Context.SpanId)));
        Assert.Equal(4, delivery.GetTagItem("messaging.batch.message_count"));
        Assert.Equal(4, delivery.GetTagItem("pipeline.records.delivered"));
        var invoke = Assert.Single(_activities, a => a.OperationName == "Firehose invoke transformation" && Equals(a.GetTagItem("aws.firehose.delivery_stream"), stream));
        Assert.Equal(delivery.SpanId, invoke.ParentSpanId);
        Assert.Equal(ActivityKind.Client, invoke.Kind);
    }

    [Fact]
    public async Task Links_are_capped()
    {
        var stream = "capped-" + Guid.NewGuid().ToString("N")[..8];
        await using var bed = new FirehoseTestBed(options: new FirehoseEngineOptions { MaxSpanLinks = 3 });
        await bed.CreateAsync(stream, Destination());
        await bed.PutAsync(stream, Enumerable.Range(0, 10).Select(i => Traced(new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded), i)).ToArray());

        await bed.Service.FlushAsync(stream);

        var delivery = Assert.Single(_activities, a => a.OperationName == "Firehose deliver" && Equals(a.GetTagItem("aws.firehose.delivery_stream"), stream));
        Assert.Equal(3, delivery.Links.Count());
    }

    private static string Traced(ActivityContext context, int n) =>
        Encoding.UTF8.GetString(RecordTraceContext.Inject(Encoding.UTF8.GetBytes($"{{\"n\":{n}}}"), context)) + "\n";
}
