using System.Diagnostics;
using Pipeline.EtlJobRunner;
using Pipeline.EtlJobRunner.Running;
using Pipeline.LambdaRuntime;
using Pipeline.ServiceDefaults.Tracing;

namespace Pipeline.UnitTests.Functions.EtlJobRunner;

/// <summary>The handler's span context is what the job run receives as <c>--traceparent</c>.</summary>
public sealed class RunnerPassesTheTraceTests
{
    [Fact]
    public async Task The_job_run_carries_the_handlers_span_as_traceparent()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Pipeline.EtlJobRunner",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var fixture = new RunnerFixture();
        var handler = new EtlJobRunnerHandler(fixture.Starter);

        var outcome = await handler.HandleAsync(RunnerFixture.Event("glue-crawler-state-change-succeeded.json"), new LambdaContext { AwsRequestId = "req-etl", Deadline = DateTimeOffset.UtcNow.AddMinutes(1) }, CancellationToken.None);

        Assert.Equal(RunnerAction.Started, outcome.Action);
        var span = Assert.Single(spans, s => s.GetTagItem("faas.invocation_id") as string == "req-etl");
        Assert.Equal(TraceParent.Format(span.Context), fixture.Glue.StartedJobRuns.Single().Arguments!["--traceparent"]);
    }
}
