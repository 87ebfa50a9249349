using System.Diagnostics;
using Pipeline.Aws.Glue;
using Pipeline.LambdaRuntime;
using Pipeline.Notifier;
using Pipeline.Notifier.Notifying;

namespace Pipeline.UnitTests.Functions.Notifier;

/// <summary>The publishing span continues the trace the runner gave the job run as <c>--traceparent</c>.</summary>
public sealed class NotifierRestoresTheTraceTests
{
    [Fact]
    public async Task The_publish_span_is_a_child_of_the_job_runs_traceparent()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Pipeline.Notifier",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var fixture = new NotifierFixture();
        var jobEvent = fixture.Event("glue-job-state-change-succeeded.json", JobRunState.Succeeded);
        var handler = new NotifierHandler(fixture.Notifier);

        var outcome = await handler.HandleAsync(jobEvent, new LambdaContext { AwsRequestId = "req-notify", Deadline = DateTimeOffset.UtcNow.AddMinutes(1) }, CancellationToken.None);

        Assert.Equal(NotifierAction.Published, outcome.Action);
        var publish = Assert.Single(spans, s => s.GetTagItem("faas.invocation_id") as string == "req-notify" && s.OperationName == "Notifier publish");
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", publish.TraceId.ToHexString());
        Assert.Equal("b7ad6b7169203331", publish.ParentSpanId.ToHexString());
        Assert.Equal("msg-1", publish.GetTagItem("messaging.message.id"));
    }
}
