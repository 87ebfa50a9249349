using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Contracts.Aws.Sqs;
using Pipeline.CrawlerTrigger;
using Pipeline.CrawlerTrigger.Triggering;
using Pipeline.LambdaRuntime;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.UnitTests.Functions.CrawlerTrigger;

/// <summary>The trigger continues the trace the SQS messages carry (W3C attribute or AWSTraceHeader).</summary>
public sealed class MessageTraceContextTests
{
    [Fact]
    public async Task A_batch_of_one_trace_parents_the_span_on_it()
    {
        var producer = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var message = FunctionEvents.S3Message("m-1", "raw/clickstream/a.gz", TriggerFixture.Now);
        message["messageAttributes"] = new System.Text.Json.Nodes.JsonObject
        {
            ["traceparent"] = new System.Text.Json.Nodes.JsonObject { ["stringValue"] = TraceParent.Format(producer), ["dataType"] = "String" },
        };
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Pipeline.CrawlerTrigger",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var fixture = new TriggerFixture();
        var handler = new CrawlerTriggerHandler(fixture.Starter, NullLogger<CrawlerTriggerHandler>.Instance);

        SqsBatchResponse response = await handler.HandleAsync(FunctionEvents.Batch(message), new LambdaContext { AwsRequestId = "req-trace", Deadline = DateTimeOffset.UtcNow.AddMinutes(1) }, CancellationToken.None);

        Assert.Empty(response.BatchItemFailures);
        var span = Assert.Single(spans, s => s.GetTagItem("faas.invocation_id") as string == "req-trace");
        Assert.Equal(producer.TraceId, span.TraceId);
        Assert.Equal(producer.SpanId, span.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, span.Kind);
    }
}
