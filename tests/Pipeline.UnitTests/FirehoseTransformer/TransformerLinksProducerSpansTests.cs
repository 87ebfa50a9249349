using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer;
using Pipeline.FirehoseTransformer.Transformation;
using Pipeline.LambdaRuntime;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.UnitTests.FirehoseTransformer;

/// <summary>The function's span links to each distinct producer span its records carry.</summary>
public sealed class TransformerLinksProducerSpansTests
{
    [Fact]
    public async Task The_span_links_to_every_distinct_traceparent_in_the_batch()
    {
        var first = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var second = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var record = FirehoseEvents.Fixture("clickstream-valid.json");
        var input = FirehoseEvents.For(
            FirehoseEvents.ClickstreamStream,
            RecordTraceContext.Inject(record, first),
            RecordTraceContext.Inject(record, first),
            RecordTraceContext.Inject(record, second),
            record);
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Pipeline.FirehoseTransformer",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var handler = new TransformationHandler(new FirehoseRecordTransformer(DatasetCatalog.BuiltIn()), NullLogger<TransformationHandler>.Instance);

        var response = await handler.HandleAsync(input, new LambdaContext { AwsRequestId = "req-1", Deadline = DateTimeOffset.UtcNow.AddMinutes(1) }, CancellationToken.None);

        Assert.Equal(4, response.Records.Count);
        var span = Assert.Single(spans, s => s.GetTagItem("faas.invocation_id") as string == "req-1");
        Assert.Equal(
            new[] { first, second }.Select(TraceParent.Format).Order(),
            span.Links.Select(l => TraceParent.Format(l.Context)).Order());
        Assert.Equal(4, span.GetTagItem("pipeline.records.ok"));
    }
}
